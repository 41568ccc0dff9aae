package ipc.serde.jackson.internal;

import com.fasterxml.jackson.annotation.JsonFormat;
import ipc.api.spi.HandleTypes;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.SerializationConfig;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.ser.Serializers;

/** Finds the {@link HandleSerializer} for every ipc-channel handle class. */
final class HandleSerializers extends Serializers.Base {

    @Override
    public ValueSerializer<?> findSerializer(SerializationConfig config, JavaType type,
            BeanDescription.Supplier description, JsonFormat.Value format) {
        return HandleTypes.isHandleType(type.getRawClass()) ? HandleSerializer.INSTANCE : null;
    }
}
