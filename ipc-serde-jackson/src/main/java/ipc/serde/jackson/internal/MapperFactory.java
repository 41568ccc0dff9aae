package ipc.serde.jackson.internal;

import java.util.function.Consumer;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.jsontype.PolymorphicTypeValidator;
import tools.jackson.dataformat.cbor.CBORFactory;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Builds the mappers of {@code JacksonSerializer}: the secure defaults, a customised copy of them, or a copy of an
 * application's mapper; each with the {@link BinaryModule}, the {@link CreatorModule} and the {@link HandleModule}
 * registered last, so that the handle module takes precedence over any module the application registered for the
 * same types (the binary and creator modules only ever replace Jackson's own {@code byte[]} deserializer and value
 * instantiators).
 *
 * <h2>Thread safety</h2>
 * Thread-safe: it keeps no state but the lazily built, immutable default mapper.
 */
public final class MapperFactory {

    /**
     * Deep enough for any sensible message, shallow enough that recursive deserialization cannot overflow the stack
     * of a receiving thread (Jackson's own default is 500).
     */
    static final int MAX_NESTING_DEPTH = 256;

    /**
     * Strings are bounded by the message instead: the CBOR parser reads a string of declared length only as far as
     * the bytes are present, so a string can never cost more than the message that carries it.
     */
    static final int MAX_STRING_LENGTH = Integer.MAX_VALUE;

    private MapperFactory() {}

    /** The default mapper, shared by every {@code JacksonSerializer} created with its no-argument constructor. */
    public static CBORMapper defaultMapper() {
        return DefaultMapperHolder.MAPPER;
    }

    /** The defaults, changed by {@code customizer}, with the handle module. */
    public static CBORMapper configured(Consumer<? super CBORMapper.Builder> customizer) {
        CBORMapper.Builder builder = defaultBuilder();
        customizer.accept(builder);
        return withOwnModules(builder);
    }

    /**
     * A copy of {@code mapper} with the handle module; Jackson's default polymorphic type validator (one the
     * application did not choose) is replaced by {@link DenyAllClassNamesValidator}.
     */
    public static CBORMapper withHandles(CBORMapper mapper) {
        CBORMapper.Builder builder = mapper.rebuild();
        if (builder.baseSettings().getPolymorphicTypeValidator() == JacksonDefaults.TYPE_VALIDATOR) {
            builder.polymorphicTypeValidator(DenyAllClassNamesValidator.INSTANCE);
        }
        return withOwnModules(builder);
    }

    /** Adds this serializer's modules last, after anything the application registered, and builds. */
    private static CBORMapper withOwnModules(CBORMapper.Builder builder) {
        return builder.addModule(new BinaryModule()).addModule(new CreatorModule()).addModule(new HandleModule())
                .build();
    }

    private static CBORMapper.Builder defaultBuilder() {
        StreamReadConstraints limits = StreamReadConstraints.builder()
                .maxNestingDepth(MAX_NESTING_DEPTH)
                .maxStringLength(MAX_STRING_LENGTH)
                .build();
        CBORFactory factory = new ValueBytesFactory(CBORFactory.builder().streamReadConstraints(limits).build());
        return CBORMapper.builder(factory)
                .polymorphicTypeValidator(DenyAllClassNamesValidator.INSTANCE)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** Built on first use, so that creating a {@code JacksonSerializer} through the service loader stays cheap. */
    private static final class DefaultMapperHolder {
        static final CBORMapper MAPPER = configured(builder -> { });
    }

    /** What a mapper builder holds when the application configured nothing. */
    private static final class JacksonDefaults {
        static final PolymorphicTypeValidator TYPE_VALIDATOR =
                CBORMapper.builder().baseSettings().getPolymorphicTypeValidator();
    }
}
