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
 * Immutable and thread-safe. A thread that decodes payloads outside the heap keeps a copy array of up to 256 KiB
 * ({@link KeptCopy}).
 *
 * @param <T> the declared type
 */
public final class JacksonCodec<T> implements MessageCodec<T> {

    private static final ThreadLocal<KeptCopy> KEPT = ThreadLocal.withInitial(KeptCopy::new);

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
            KeptCopy kept = size <= KeptCopy.MAX ? KEPT.get() : null;
            if (kept == null || kept.inUse) {
                return call.readValue(new ByteBufferBackedInputStream(data.duplicate()));
            }
            kept.inUse = true;
            try {
                byte[] copy = kept.atLeast(size);
                data.get(data.position(), copy, 0, size);
                return call.readValue(copy, 0, size);
            } finally {
                kept.inUse = false;
            }
        } catch (JacksonException e) {
            throw Failures.decoding(type, size, e);
        }
    }

    /**
     * The array a thread keeps to parse payloads that are not in a heap array (a transport's receive buffer, at most
     * {@link #MAX} bytes) from a copy: Jackson's parser reads an array in place, so a byte string becomes one array
     * of its length, copied once, and the parser needs no input buffer of its own, where reading the buffer as a
     * stream gathers byte strings in chunks (a 64 KiB {@code byte[]} allocated 2.6 times its size). The values made
     * never refer to the parser's input. A decode that runs while the thread's copy is in use (a deserializer that
     * receives another message) reads its buffer as a stream instead.
     */
    private static final class KeptCopy {
        /** The most a thread keeps: what one datagram of the Linux transport carries, and some. */
        static final int MAX = 256 * 1024;

        private byte[] array = new byte[0];
        boolean inUse;

        /** An array of at least {@code size} bytes (at most {@link #MAX}), kept for the next call. */
        byte[] atLeast(int size) {
            if (array.length < size) {
                array = new byte[Math.max(size, Math.min(MAX, array.length * 2))];
            }
            return array;
        }
    }

    @Override
    public String toString() {
        return "JacksonCodec<" + type + ">";
    }
}
