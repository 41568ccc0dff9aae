package ipc.tests.contract;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A serializer that passes a {@code byte[]} through as the message payload, under any name. Named like the default
 * serializer, it lets a test read the exact payload the default serializer wrote, and send a forged one (truncated,
 * garbage) that a receiver of the default serializer must reject cleanly.
 */
final class RawPayloadSerializer implements IpcSerializer {

    private final String name;

    RawPayloadSerializer(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        if (type.type() != byte[].class) {
            throw new IllegalArgumentException("RawPayloadSerializer handles only byte[], not " + type);
        }
        @SuppressWarnings("unchecked")
        MessageCodec<T> codec = (MessageCodec<T>) new RawCodec();
        return codec;
    }

    private static final class RawCodec implements MessageCodec<byte[]> {
        @Override
        public void encode(byte[] value, EncodeContext context) throws IpcSerializationException {
            try {
                context.output().write(value);
            } catch (IOException e) {
                throw new IpcSerializationException("Cannot write raw bytes: " + e.getMessage(), e);
            }
        }

        @Override
        public byte[] decode(ByteBuffer data, DecodeContext context) {
            byte[] bytes = new byte[data.remaining()];
            data.get(bytes);
            return bytes;
        }
    }
}
