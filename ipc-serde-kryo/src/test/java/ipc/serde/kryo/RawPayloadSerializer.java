package ipc.serde.kryo;

import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;

/**
 * A test-only serializer that calls itself {@code kryo} but writes a {@code byte[]} message verbatim: the way to put
 * hand-made (truncated, random, hostile) payloads behind a genuine kryo frame header.
 */
final class RawPayloadSerializer implements IpcSerializer {

    @Override
    public String name() {
        return KryoSerializer.NAME;
    }

    @Override
    @SuppressWarnings("unchecked") // Only byte[] is supported, checked below.
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        if (type.type() != byte[].class) {
            throw new IllegalArgumentException("RawPayloadSerializer only sends byte[], not " + type);
        }
        return (MessageCodec<T>) new RawCodec();
    }

    private static final class RawCodec implements MessageCodec<byte[]> {
        @Override
        public void encode(byte[] value, EncodeContext context) {
            try {
                context.output().write(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public byte[] decode(ByteBuffer data, DecodeContext context) {
            throw new UnsupportedOperationException("RawPayloadSerializer only sends");
        }
    }
}
