package ipc.serde.jackson.internal;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.deser.std.StdScalarDeserializer;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator.Validity;

/**
 * Reads {@link Class} values only when the mapper's polymorphic type validator allows the name. Jackson's own
 * deserializer loads and initializes any class a message names, which would let a peer run the static initializer
 * of any class on the receiver's class path; this one asks the validator first, exactly as Jackson does for
 * class-name type ids, so the default deny-all validator refuses every name before any class is loaded.
 *
 * <h2>Thread safety</h2>
 * Stateless and thread-safe.
 */
final class GuardedClassDeserializer extends StdScalarDeserializer<Class<?>> {

    static final GuardedClassDeserializer INSTANCE = new GuardedClassDeserializer();

    /** Class names in error messages are cut to this length: the peer chose them. */
    private static final int MAX_NAME_IN_MESSAGE = 200;

    private GuardedClassDeserializer() {
        super(Class.class);
    }

    @Override
    public Class<?> deserialize(JsonParser parser, DeserializationContext context) {
        if (!parser.hasToken(JsonToken.VALUE_STRING)) {
            return context.reportInputMismatch(this, "Expected a class name (a string), found %s",
                    parser.currentToken());
        }
        String name = parser.getString();
        PolymorphicTypeValidator validator = context.getConfig().getPolymorphicTypeValidator();
        JavaType anyType = context.constructType(Object.class);
        Validity byName = validator.validateSubClassName(context, anyType, name);
        if (byName == Validity.DENIED) {
            return refuse(context, name, validator);
        }
        Class<?> found;
        try {
            found = context.findClass(name);
        } catch (ClassNotFoundException | LinkageError e) {
            return context.reportInputMismatch(this, "No loadable class named '%s'", shorten(name));
        }
        if (byName != Validity.ALLOWED
                && validator.validateSubType(context, anyType, context.constructType(found)) != Validity.ALLOWED) {
            return refuse(context, name, validator);
        }
        return found;
    }

    private Class<?> refuse(DeserializationContext context, String name, PolymorphicTypeValidator validator) {
        return context.reportInputMismatch(this, "Refusing the class name '%s' found in the message: the "
                + "PolymorphicTypeValidator (%s) does not allow it; configure one that does with "
                + "CBORMapper.Builder.polymorphicTypeValidator", shorten(name), validator.getClass().getName());
    }

    private static String shorten(String name) {
        return name.length() <= MAX_NAME_IN_MESSAGE ? name : name.substring(0, MAX_NAME_IN_MESSAGE) + "...";
    }
}
