package ipc.api;

import ipc.api.spi.EncodeContext;
import ipc.api.spi.HandleTypes;
import ipc.api.spi.MessageCodec;
import ipc.api.spi.SenderEndpoint;
import ipc.api.spi.TransportHandle;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Encodes one message (header, payload, handle table) and hands it to a sender endpoint. */
final class MessageWriter implements EncodeContext {

    private final FrameBuffer buffer;
    private Map<Object, Integer> indexes;
    private List<TransportHandle> handles = List.of();
    private RuntimeException misuse;

    private MessageWriter(FrameBuffer buffer) {
        this.buffer = buffer;
    }

    /** Encodes {@code value} with {@code codec} behind {@code header} and sends it. */
    static <T> void send(SenderEndpoint endpoint, byte[] header, MessageCodec<T> codec, T value,
            TypeRef<T> type, String serializerName) throws IpcException {
        FrameBuffer buffer = FrameBuffer.acquire(header);
        try {
            MessageWriter writer = new MessageWriter(buffer);
            try {
                codec.encode(value, writer);
            } catch (IpcSerializationException e) {
                throw writer.misuseOr(e);
            } catch (RuntimeException | StackOverflowError e) {
                if (writer.misuse != null) {
                    throw writer.misuse;
                }
                throw new IpcSerializationException("Cannot encode a " + value.getClass().getName() + " as "
                        + type + " with serializer '" + serializerName + "': " + e.getMessage(), e);
            }
            endpoint.send(buffer.contents(), writer.handles);
        } finally {
            buffer.release();
        }
    }

    private <E extends Exception> E misuseOr(E fallback) {
        if (misuse != null) {
            throw misuse;
        }
        return fallback;
    }

    @Override
    public OutputStream output() {
        return buffer;
    }

    @Override
    public int handleIndex(Object handle) {
        if (handle == null || !HandleTypes.isHandleType(handle.getClass())) {
            throw remember(new IllegalArgumentException("Not an ipc-channel handle: "
                    + (handle == null ? "null" : handle.getClass().getName())));
        }
        if (indexes == null) {
            indexes = new IdentityHashMap<>();
            handles = new ArrayList<>();
        }
        // Keyed by the shared core, so two views of one OS handle (a sender and its toOpaque()) travel once.
        HandleCore core = ((AbstractHandle) handle).core();
        Integer known = indexes.get(core);
        if (known != null) {
            return known;
        }
        if (!core.isOpen()) {
            throw remember(new IllegalStateException("Cannot send a closed " + handle.getClass().getSimpleName()
                    + " inside a message"));
        }
        int index = handles.size();
        handles.add(core.endpoint());
        indexes.put(core, index);
        return index;
    }

    private RuntimeException remember(RuntimeException e) {
        misuse = e;
        return e;
    }
}
