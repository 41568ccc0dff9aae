package ipc.tests.contract;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A second serializer, for mismatch and re-entrancy tests: it writes a {@code String} as its UTF-8 bytes and
 * handles no other type. An optional hook runs at the start of every encode, on the sending thread, so a test can
 * make serialization re-enter {@code send}.
 */
final class TextSerializer implements IpcSerializer {

    static final String NAME = "contract-text";

    private final Consumer<String> beforeEncode;

    TextSerializer() {
        this(value -> { });
    }

    TextSerializer(Consumer<String> beforeEncode) {
        this.beforeEncode = beforeEncode;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        if (type.type() != String.class) {
            throw new IllegalArgumentException(NAME + " handles only java.lang.String, not " + type);
        }
        @SuppressWarnings("unchecked")
        MessageCodec<T> codec = (MessageCodec<T>) new StringCodec(beforeEncode);
        return codec;
    }

    private record StringCodec(Consumer<String> beforeEncode) implements MessageCodec<String> {
        @Override
        public void encode(String value, EncodeContext context) throws IpcSerializationException {
            beforeEncode.accept(value);
            try {
                context.output().write(value.getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new IpcSerializationException("Cannot write a String: " + e.getMessage(), e);
            }
        }

        @Override
        public String decode(ByteBuffer data, DecodeContext context) {
            return StandardCharsets.UTF_8.decode(data).toString();
        }
    }
}
