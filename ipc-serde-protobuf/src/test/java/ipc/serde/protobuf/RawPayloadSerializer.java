package ipc.serde.protobuf;

import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * A test-only serializer that calls itself {@code protobuf} but writes hand-made bytes, with any handles in the
 * message's handle table: the way to put hostile payloads behind a genuine protobuf frame header.
 */
final class RawPayloadSerializer implements IpcSerializer {

    /** A payload sent verbatim, and handles registered in the handle table in this order (indexes 0, 1, ...). */
    record RawMessage(byte[] payload, List<Object> handles) {
        RawMessage(byte[] payload) {
            this(payload, List.of());
        }
    }

    @Override
    public String name() {
        return ProtobufSerializer.NAME;
    }

    @Override
    @SuppressWarnings("unchecked") // Only RawMessage is supported, checked below.
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        if (type.type() != RawMessage.class) {
            throw new IllegalArgumentException("RawPayloadSerializer only sends RawMessage, not " + type);
        }
        return (MessageCodec<T>) new RawCodec();
    }

    private static final class RawCodec implements MessageCodec<RawMessage> {
        @Override
        public void encode(RawMessage value, EncodeContext context) {
            value.handles().forEach(context::handleIndex);
            try {
                context.output().write(value.payload());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public RawMessage decode(ByteBuffer data, DecodeContext context) {
            throw new UnsupportedOperationException("RawPayloadSerializer only sends");
        }
    }
}
