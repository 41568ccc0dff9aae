package ipc.serde.jackson.internal;

import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.PrimitiveArrayDeserializers;
import tools.jackson.databind.type.ArrayType;

/**
 * The Jackson module that makes large {@code byte[]} values cheap to read: Jackson's standard {@code byte[]}
 * deserializer is wrapped in a {@link BinaryDeserializer}. A {@code byte[]} deserializer the application registered
 * itself is left alone. Registering it twice is harmless (same registration id).
 *
 * <h2>Thread safety</h2>
 * Stateless; safe to register from any thread.
 */
final class BinaryModule extends NamedModule {

    BinaryModule() {
        super("ipc-channel-binary");
    }

    @Override
    public void setupModule(SetupContext context) {
        context.addDeserializerModifier(new StandardBinaryWrapper());
    }

    /** Wraps the deserializer Jackson made for {@code byte[]} when it is Jackson's own. */
    private static final class StandardBinaryWrapper extends ValueDeserializerModifier {

        private static final Class<?> STANDARD = PrimitiveArrayDeserializers.forType(byte.class).getClass();

        @Override
        public ValueDeserializer<?> modifyArrayDeserializer(DeserializationConfig config, ArrayType valueType,
                BeanDescription.Supplier beanDescRef, ValueDeserializer<?> deserializer) {
            if (valueType.hasRawClass(byte[].class) && deserializer.getClass() == STANDARD) {
                return new BinaryDeserializer(deserializer);
            }
            return deserializer;
        }
    }
}
