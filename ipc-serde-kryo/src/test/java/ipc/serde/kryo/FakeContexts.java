package ipc.serde.kryo;

import ipc.api.IpcSerializationException;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
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
final class FakeContexts {

    private FakeContexts() {}

    /** Encodes {@code value} with {@code codec} and returns the payload (with no handles involved). */
    static <T> byte[] encode(ipc.api.spi.MessageCodec<T> codec, T value) throws IpcSerializationException {
        Encoding encoding = new Encoding();
        codec.encode(value, encoding);
        return encoding.payload();
    }

    /** Decodes {@code payload} with {@code codec} and no handles. */
    static <T> T decode(ipc.api.spi.MessageCodec<T> codec, byte[] payload) throws IpcSerializationException {
        return codec.decode(ByteBuffer.wrap(payload), Decoding.empty());
    }

    /** Collects the payload and the handles, indexed by identity. */
    static final class Encoding implements EncodeContext {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final List<Object> handles = new ArrayList<>();

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

        byte[] payload() {
            return out.toByteArray();
        }

        List<Object> handles() {
            return handles;
        }
    }

    /** Hands out the given objects and records the declared type of every request. */
    static final class Decoding implements DecodeContext {
        private final List<Object> handles;
        private final Map<Integer, Type> requestedTypes = new HashMap<>();

        Decoding(List<Object> handles) {
            this.handles = handles;
        }

        static Decoding empty() {
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

        /** The declared type of the last request for each index. */
        Map<Integer, Type> requestedTypes() {
            return requestedTypes;
        }
    }
}
