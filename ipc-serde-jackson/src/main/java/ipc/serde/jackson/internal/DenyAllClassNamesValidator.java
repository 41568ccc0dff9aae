package ipc.serde.jackson.internal;

import tools.jackson.databind.DatabindContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * The default polymorphic type validator: denies every class name a message carries, before Jackson loads (and so
 * initializes) the class. Base types stay usable, so a type annotated with {@code @JsonTypeInfo(use = Id.CLASS)}
 * still serializes; receiving one fails until the application allows the names it expects.
 *
 * <h2>Thread safety</h2>
 * Stateless and thread-safe.
 */
final class DenyAllClassNamesValidator extends PolymorphicTypeValidator.Base {

    private static final long serialVersionUID = 1L;

    static final DenyAllClassNamesValidator INSTANCE = new DenyAllClassNamesValidator();

    private DenyAllClassNamesValidator() {}

    @Override
    public Validity validateSubClassName(DatabindContext context, JavaType baseType, String subClassName) {
        return Validity.DENIED;
    }

    @Override
    public Validity validateSubType(DatabindContext context, JavaType baseType, JavaType subType) {
        return Validity.DENIED;
    }
}
