package ipc.serde.jackson.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import ipc.api.spi.HandleTypes;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DatabindException;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.Serializers;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Refuses ipc-channel handles as map keys when the message is written. Jackson would otherwise write the handle's
 * {@code toString()} as the key: the handle would not travel, and the receiver would fail much later.
 */
final class HandleKeySerializers extends Serializers.Base {

    @Override
    public ValueSerializer<?> findSerializer(SerializationConfig config, JavaType type,
            BeanDescription.Supplier description, JsonFormat.Value format) {
        return HandleTypes.isHandleType(type.getRawClass()) ? Refusal.INSTANCE : null;
    }

    /** Fails with an explanation. Stateless and thread-safe. */
    private static final class Refusal extends StdSerializer<Object> {

        static final Refusal INSTANCE = new Refusal();

        private Refusal() {
            super(Object.class);
        }

        @Override
        public void serialize(Object handle, JsonGenerator generator, SerializationContext context) {
            throw DatabindException.from(context, "An ipc-channel " + handle.getClass().getSimpleName()
                    + " cannot be a map key: handles travel as values only (use it as the map's value, or key the"
                    + " map by a name)");
        }
    }
}
