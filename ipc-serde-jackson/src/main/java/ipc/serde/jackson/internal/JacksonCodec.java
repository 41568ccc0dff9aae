package ipc.serde.jackson.internal;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.MessageCodec;
import java.nio.ByteBuffer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.util.ByteBufferBackedInputStream;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Encodes and decodes one declared type with a reader and writer resolved once. Each call hands its message's
 * handle table to the handle (de)serializers as a per-call attribute (see {@link CallContexts}).
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe.
 *
 * @param <T> the declared type
 */
public final class JacksonCodec<T> implements MessageCodec<T> {

    private final TypeRef<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private JacksonCodec(TypeRef<T> type, ObjectReader reader, ObjectWriter writer) {
        this.type = type;
        this.reader = reader;
        this.writer = writer;
    }

    /**
     * Resolves {@code type} with {@code mapper}'s type factory and prepares its reader and writer. Trailing bytes
     * after the value are always rejected, whatever the mapper says.
     *
     * @throws IllegalArgumentException if Jackson cannot represent {@code type}
     */
    public static <T> JacksonCodec<T> create(CBORMapper mapper, TypeRef<T> type) {
        JavaType jacksonType;
        try {
            jacksonType = mapper.getTypeFactory().constructType(type.type());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Serializer '" + Failures.SERIALIZER + "' cannot represent " + type
                    + ": " + e.getMessage(), e);
        }
        ObjectReader reader = mapper.readerFor(jacksonType).with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
        ObjectWriter writer = mapper.writerFor(jacksonType).without(StreamWriteFeature.AUTO_CLOSE_TARGET);
        return new JacksonCodec<>(type, reader, writer);
    }

    /**
     * This codec as a codec of {@code requested}, which must be the type it was created for.
     *
     * @throws IllegalArgumentException if {@code requested} is another type
     */
    public <U> MessageCodec<U> as(TypeRef<U> requested) {
        if (!requested.equals(type)) {
            throw new IllegalArgumentException("This codec handles " + type + ", not " + requested);
        }
        @SuppressWarnings("unchecked") // Equal type refs stand for the same type.
        MessageCodec<U> same = (MessageCodec<U>) this;
        return same;
    }

    @Override
    public void encode(T value, EncodeContext context) throws IpcSerializationException {
        try {
            writer.withAttribute(CallContexts.Key.ENCODE_CONTEXT, context).writeValue(context.output(), value);
        } catch (JacksonException e) {
            throw Failures.encoding(value, type, e);
        }
    }

    @Override
    public T decode(ByteBuffer data, DecodeContext context) throws IpcSerializationException {
        int size = data.remaining();
        ObjectReader call = reader.withAttribute(CallContexts.Key.DECODE_CONTEXT, context);
        try {
            if (data.hasArray()) {
                return call.readValue(data.array(), data.arrayOffset() + data.position(), size);
            }
            return call.readValue(new ByteBufferBackedInputStream(data.duplicate()));
        } catch (JacksonException e) {
            throw Failures.decoding(type, size, e);
        }
    }

    @Override
    public String toString() {
        return "JacksonCodec<" + type + ">";
    }
}
