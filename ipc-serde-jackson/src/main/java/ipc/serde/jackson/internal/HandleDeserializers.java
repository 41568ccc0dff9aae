package ipc.serde.jackson.internal;

import ipc.api.spi.HandleTypes;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.Deserializers;

/**
 * Finds a {@link HandleDeserializer} for every ipc-channel handle type, one per fully resolved declared type
 * ({@code IpcSender<Point>} and {@code IpcSender<Line>} get different ones), and the {@link GuardedClassDeserializer}
 * for {@link Class}.
 */
final class HandleDeserializers extends Deserializers.Base {

    @Override
    public ValueDeserializer<?> findBeanDeserializer(JavaType type, DeserializationConfig config,
            BeanDescription.Supplier description) {
        Class<?> raw = type.getRawClass();
        if (HandleTypes.isHandleType(raw)) {
            return new HandleDeserializer(type);
        }
        return raw == Class.class ? GuardedClassDeserializer.INSTANCE : null;
    }

    @Override
    public boolean hasDeserializerFor(DeserializationConfig config, Class<?> valueType) {
        return HandleTypes.isHandleType(valueType) || valueType == Class.class;
    }
}
