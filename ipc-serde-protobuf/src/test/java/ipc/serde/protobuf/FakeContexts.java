package ipc.serde.protobuf;

import ipc.api.IpcSerializationException;
import ipc.api.spi.DecodeContext;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.TransportHandle;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/** Hand-made handle tables, for calling a codec directly. */
final class FakeContexts {

    private FakeContexts() {}

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

    /** A message that came with no handles. */
    static final class NoHandles implements DecodeContext {
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
