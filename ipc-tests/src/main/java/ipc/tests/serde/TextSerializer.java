package ipc.tests.serde;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The smallest real serializer, named {@code kit-text}: {@code String} messages as UTF-8. The kit's "another
 * serializer" for every serializer under test (next to Jackson, for the others).
 *
 * <h2>Thread safety</h2>
 * Immutable.
 */
final class TextSerializer implements IpcSerializer {

    static final String NAME = "kit-text";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        if (type.type() != String.class) {
            throw new IllegalArgumentException(NAME + " handles only String, not " + type);
        }
        @SuppressWarnings("unchecked") // T is String, checked just above
        MessageCodec<T> codec = (MessageCodec<T>) new TextCodec();
        return codec;
    }

    private static final class TextCodec implements MessageCodec<String> {
        @Override
        public void encode(String value, EncodeContext context) throws IpcSerializationException {
            try {
                context.output().write(value.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IpcSerializationException("Cannot write text: " + e.getMessage(), e);
            }
        }

        @Override
        public String decode(ByteBuffer data, DecodeContext context) {
            return StandardCharsets.UTF_8.decode(data).toString();
        }
    }
}
