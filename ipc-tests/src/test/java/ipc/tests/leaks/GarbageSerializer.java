package ipc.tests.leaks;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Writes a {@link Garbage}: its bytes as the payload, and its handles in the message's handle table, under the
 * name of the serializer the receiver expects, so that the receiver's serializer gets to decode the garbage.
 */
final class GarbageSerializer implements IpcSerializer {

    /**
     * A payload that is not a valid message, and handles that travel with it.
     *
     * @param payload the bytes
     * @param handles API handles
     */
    record Garbage(byte[] payload, List<Object> handles) {}

    private final String name;

    GarbageSerializer(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        if (type.type() != Garbage.class) {
            throw new IllegalArgumentException("GarbageSerializer writes only Garbage, not " + type);
        }
        return (MessageCodec<T>) new GarbageCodec();
    }

    private static final class GarbageCodec implements MessageCodec<Garbage> {
        @Override
        public void encode(Garbage value, EncodeContext context) throws IpcSerializationException {
            for (Object handle : value.handles()) {
                context.handleIndex(handle);
            }
            try {
                context.output().write(value.payload());
            } catch (IOException e) {
                throw new IpcSerializationException("Cannot write the garbage: " + e.getMessage(), e);
            }
        }

        @Override
        public Garbage decode(ByteBuffer data, DecodeContext context) throws IpcSerializationException {
            throw new IpcSerializationException("GarbageSerializer only writes");
        }
    }
}
