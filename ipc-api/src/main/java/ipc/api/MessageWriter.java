package ipc.api;

import ipc.api.spi.EncodeContext;
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

    /**
     * Up to this many handles a repeated one is found by scanning the table, which for the handful a message usually
     * carries costs less than hashing; beyond it an identity map indexes the table.
     */
    private static final int SCANNED_HANDLES = 16;

    private final FrameBuffer buffer;
    /** The handle table: each OS handle once, in the order the serializer first wrote it. */
    private List<TransportHandle> handles = List.of();
    /** Indexes {@link #handles} once it outgrows {@link #SCANNED_HANDLES}. */
    private Map<TransportHandle, Integer> indexes;
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
            if (buffer.hasRuns()) {
                endpoint.send(buffer.parts(), writer.handles);
            } else {
                endpoint.send(buffer.contents(), writer.handles);
            }
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
    public void writeValueBytes(byte[] bytes, int offset, int length) {
        buffer.writeValueBytes(bytes, offset, length);
    }

    @Override
    public int handleIndex(Object handle) {
        if (!(handle instanceof AbstractHandle view)) { // every handle class, and nothing else, is one
            throw remember(new IllegalArgumentException("Not an ipc-channel handle: "
                    + (handle == null ? "null" : handle.getClass().getName())));
        }
        // Two views of one OS handle (a sender and its toOpaque()) share its core and endpoint: they travel once.
        HandleCore core = view.core();
        TransportHandle endpoint = core.endpoint();
        int known = indexOf(endpoint);
        if (known >= 0) {
            return known;
        }
        if (!core.isOpen()) {
            throw remember(new IllegalStateException("Cannot send a closed " + handle.getClass().getSimpleName()
                    + " inside a message"));
        }
        if (handles.isEmpty()) {
            handles = new ArrayList<>();
        }
        int index = handles.size();
        handles.add(endpoint);
        if (indexes != null) {
            indexes.put(endpoint, index);
        } else if (index == SCANNED_HANDLES) {
            indexes = new IdentityHashMap<>();
            for (int i = 0; i < handles.size(); i++) {
                indexes.put(handles.get(i), i);
            }
        }
        return index;
    }

    /** The index of {@code endpoint} in the table, or -1. */
    private int indexOf(TransportHandle endpoint) {
        if (indexes != null) {
            Integer index = indexes.get(endpoint);
            return index == null ? -1 : index;
        }
        for (int i = 0; i < handles.size(); i++) {
            if (handles.get(i) == endpoint) {
                return i;
            }
        }
        return -1;
    }

    private RuntimeException remember(RuntimeException e) {
        misuse = e;
        return e;
    }
}
