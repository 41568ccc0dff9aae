package ipc.serde.testsupport;

import ipc.api.IpcSerializationException;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.MessageCodec;
import ipc.api.spi.TransportHandle;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hand-made handle tables, for calling a codec directly. */
public final class FakeContexts {

    private FakeContexts() {}

    /**
     * Encodes {@code value} with {@code codec} and returns the payload (with no handles involved).
     *
     * @param <T> the message type
     * @param codec the codec under test
     * @param value the value to encode
     * @return the payload the codec wrote
     * @throws IpcSerializationException if the codec refuses the value
     */
    public static <T> byte[] encode(MessageCodec<T> codec, T value) throws IpcSerializationException {
        Encoding encoding = new Encoding();
        codec.encode(value, encoding);
        return encoding.payload();
    }

    /**
     * Decodes {@code payload} with {@code codec} and no handles.
     *
     * @param <T> the message type
     * @param codec the codec under test
     * @param payload the payload to decode
     * @return the decoded value
     * @throws IpcSerializationException if the codec refuses the payload
     */
    public static <T> T decode(MessageCodec<T> codec, byte[] payload) throws IpcSerializationException {
        return codec.decode(ByteBuffer.wrap(payload), Decoding.empty());
    }

    /** Collects the payload and the handles, indexed by identity. */
    public static final class Encoding implements EncodeContext {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<Object> handles = new ArrayList<>();

        /** Creates an empty encoding context. */
        public Encoding() {}

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public int handleIndex(Object handle) {
            for (int i = 0; i < handles.size(); i++) {
                if (handles.get(i) == handle) {
                    return i;
                }
            }
            handles.add(handle);
            return handles.size() - 1;
        }

        /**
         * The bytes written so far.
         *
         * @return a copy of the payload
         */
        public byte[] payload() {
            return out.toByteArray();
        }

        /**
         * The handles registered so far, in index order.
         *
         * @return the live handle table
         */
        public List<Object> handles() {
            return handles;
        }
    }

    /**
     * Records what a codec writes and, apart, every run it hands over ({@link EncodeContext#writeValueBytes}) without
     * reading it: {@link #joined()} reads the handed-over arrays only when called, so an array the codec changed
     * after handing it over (a buffer of its own, reused) shows in the result. No handles: {@link #handleIndex}
     * throws {@link AssertionError}. Not thread-safe: one encoding thread.
     */
    public static final class HandingOver implements EncodeContext {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<Run> runs = new ArrayList<>();

        /** Creates an empty context. */
        public HandingOver() {}

        /**
         * One handed-over run.
         *
         * @param at how many bytes had been written to {@link #output()} when it was handed over
         * @param array the array handed over
         * @param offset where the run starts in it
         * @param length how many bytes
         */
        public record Run(int at, byte[] array, int offset, int length) {}

        @Override
        public OutputStream output() {
            return out;
        }

        @Override
        public void writeValueBytes(byte[] bytes, int offset, int length) {
            runs.add(new Run(out.size(), bytes, offset, length));
        }

        @Override
        public int handleIndex(Object handle) {
            throw new AssertionError("no handles here");
        }

        /**
         * The runs handed over, in order.
         *
         * @return the live list
         */
        public List<Run> runs() {
            return runs;
        }

        /**
         * How many bytes were handed over in all.
         *
         * @return the sum of the runs' lengths
         */
        public long handedOver() {
            return runs.stream().mapToLong(Run::length).sum();
        }

        /**
         * The payload as a sender would send it: what was written, with each run in its place, read now.
         *
         * @return a new array
         */
        public byte[] joined() {
            byte[] written = out.toByteArray();
            ByteArrayOutputStream joined = new ByteArrayOutputStream();
            int from = 0;
            for (Run run : runs) {
                joined.write(written, from, run.at() - from);
                joined.write(run.array(), run.offset(), run.length());
                from = run.at();
            }
            joined.write(written, from, written.length - from);
            return joined.toByteArray();
        }
    }

    /** Hands out the given objects and records the declared type of every request. */
    public static final class Decoding implements DecodeContext {
        private final List<Object> handles;
        private final Map<Integer, Type> requestedTypes = new HashMap<>();

        /**
         * Creates a context whose handle table is {@code handles}.
         *
         * @param handles the objects handed out, by index
         */
        public Decoding(List<Object> handles) {
            this.handles = handles;
        }

        /**
         * A context with an empty handle table.
         *
         * @return a new context
         */
        public static Decoding empty() {
            return new Decoding(List.of());
        }

        @Override
        public int handleCount() {
            return handles.size();
        }

        @Override
        public Object handle(int index, Type declaredType) throws IpcSerializationException {
            requestedTypes.put(index, declaredType);
            if (index < 0 || index >= handles.size()) {
                throw new IpcSerializationException("Expected a handle index below " + handles.size()
                        + ", got " + index);
            }
            return handles.get(index);
        }

        @Override
        public TransportHandle.Kind kind(int index) throws IpcSerializationException {
            throw new IpcSerializationException("this fake does not know handle kinds");
        }

        /**
         * The declared type of the last request for each index.
         *
         * @return the live map of requested types
         */
        public Map<Integer, Type> requestedTypes() {
            return requestedTypes;
        }
    }

    /** A message that came with no handles. */
    public static final class NoHandles implements DecodeContext {

        /** Creates a context with no handles. */
        public NoHandles() {}

        @Override
        public int handleCount() {
            return 0;
        }

        @Override
        public TransportHandle.Kind kind(int index) throws IpcSerializationException {
            throw new IpcSerializationException("no handles came with this message, asked for " + index);
        }

        @Override
        public Object handle(int index, Type declaredType) throws IpcSerializationException {
            throw new IpcSerializationException("no handles came with this message, asked for " + index);
        }
    }
}
