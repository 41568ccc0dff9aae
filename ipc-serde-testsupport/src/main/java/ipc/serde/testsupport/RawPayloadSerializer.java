package ipc.serde.testsupport;

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
 * A test-only serializer that calls itself by a real serializer's name but writes hand-made bytes verbatim, with any
 * handles in the message's handle table: the way to put truncated, random or hostile payloads behind a genuine frame
 * header of that serializer. It sends {@code byte[]} (a payload alone) and {@link RawMessage} (a payload and handles);
 * it never decodes.
 */
public final class RawPayloadSerializer implements IpcSerializer {

    /**
     * A payload sent verbatim, and handles registered in the handle table in this order (indexes 0, 1, ...).
     *
     * @param payload the bytes sent as they are
     * @param handles the handles of the message's handle table
     */
    public record RawMessage(byte[] payload, List<Object> handles) {
        /**
         * A payload with no handles.
         *
         * @param payload the bytes sent as they are
         */
        public RawMessage(byte[] payload) {
            this(payload, List.of());
        }
    }

    private final String name;

    /**
     * Creates a serializer that poses as the serializer called {@code name}.
     *
     * @param name the name written in the frame header, such as {@code "jackson"}
     */
    public RawPayloadSerializer(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    @SuppressWarnings("unchecked") // Only byte[] and RawMessage are supported, checked here.
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        if (type.type() == byte[].class) {
            return (MessageCodec<T>) new BytesCodec();
        }
        if (type.type() == RawMessage.class) {
            return (MessageCodec<T>) new RawCodec();
        }
        throw new IllegalArgumentException("RawPayloadSerializer only sends byte[] or RawMessage, not " + type);
    }

    private static void write(byte[] payload, EncodeContext context) {
        try {
            context.output().write(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class BytesCodec implements MessageCodec<byte[]> {
        @Override
        public void encode(byte[] value, EncodeContext context) {
            write(value, context);
        }

        @Override
        public byte[] decode(ByteBuffer data, DecodeContext context) {
            throw new UnsupportedOperationException("RawPayloadSerializer only sends");
        }
    }

    private static final class RawCodec implements MessageCodec<RawMessage> {
        @Override
        public void encode(RawMessage value, EncodeContext context) {
            value.handles().forEach(context::handleIndex);
            write(value.payload(), context);
        }

        @Override
        public RawMessage decode(ByteBuffer data, DecodeContext context) {
            throw new UnsupportedOperationException("RawPayloadSerializer only sends");
        }
    }
}
