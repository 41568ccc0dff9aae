package ipc.api;

import ipc.api.spi.IpcSerializer;
import ipc.api.spi.ReceivedMessage;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A received message not yet decoded: Rust's {@code OpaqueIpcMessage}, as {@link IpcReceiverSet} and
 * {@link IpcRouter} deliver it. {@link #to(Class)} decodes it.
 *
 * <p>The handles that came with the message belong to the first successful or failed {@code to(...)} call: they
 * are handed to the decoded value, and any it does not reference are closed. A message that is never decoded
 * should be {@linkplain #close() closed}; if it is not, its handles are released when it becomes unreachable.
 *
 * <h2>Thread safety</h2>
 * Thread-safe, but decode a message with handles once: a second {@code to(...)}, or one after {@link #close()},
 * throws {@link IllegalStateException}.
 */
public final class OpaqueIpcMessage implements AutoCloseable {

    private final ByteBuffer frame;
    private final List<HandleCore> cores;
    private final IpcSerializer serializer;
    private final AtomicBoolean handlesTaken = new AtomicBoolean();
    private volatile boolean closed;

    OpaqueIpcMessage(ReceivedMessage received, IpcSerializer serializer) {
        ReceivedMessage message = received.detached(); // kept until the user decodes it
        // Not a read-only view: a codec reads a heap buffer's array directly (a read-only one only through copies).
        // Nothing writes to it: the frame never leaves this class, and codecs must not modify what they decode.
        this.frame = message.whole();
        this.cores = HandleCore.wrapAll(message.handles());
        this.serializer = serializer;
    }

    /**
     * Decodes the message as {@code type}, with the serializer of the receiver it came from (the default serializer
     * for a receiver that had none). A message sent on a bytes channel decodes as {@code byte[]}.
     *
     * @param type the expected type
     * @param <T> the expected type
     * @return the value
     * @throws IpcSerializationException if the message is not a valid {@code T} for that serializer, or was
     *     written by another serializer
     * @throws IllegalStateException if the message carried handles and was already decoded
     */
    public <T> T to(Class<T> type) throws IpcSerializationException {
        return to(TypeRef.of(type));
    }

    /**
     * Decodes the message as a generic type.
     *
     * @param type the expected type
     * @param <T> the expected type
     * @return the value
     * @throws IpcSerializationException if the message is not a valid {@code T}
     * @throws IllegalStateException if the message carried handles and was already decoded
     */
    @SuppressWarnings("unchecked")
    public <T> T to(TypeRef<T> type) throws IpcSerializationException {
        if (type.type() == byte[].class && isBytes()) {
            List<HandleCore> handles = take();
            HandleCore.closeAll(handles);
            ByteBuffer payload = frame.duplicate();
            payload.position(payload.position() + IpcBytesSender.header().length);
            byte[] bytes = new byte[payload.remaining()];
            payload.get(bytes);
            return (T) bytes;
        }
        IpcSerializer chosen;
        try {
            chosen = OpaqueIpcSender.serializerOrDefault(serializer);
        } catch (UncheckedIOException e) {
            throw new IpcSerializationException("Cannot decode a message as " + type + ": "
                    + e.getCause().getMessage(), e.getCause());
        }
        return to(type, chosen);
    }

    /**
     * Decodes the message with an explicit serializer.
     *
     * @param type the expected type
     * @param serializer the serializer; must be the one that wrote the message
     * @param <T> the expected type
     * @return the value
     * @throws IpcSerializationException if the message is not a valid {@code T} for that serializer
     * @throws IllegalStateException if the message carried handles and was already decoded
     */
    public <T> T to(TypeRef<T> type, IpcSerializer serializer) throws IpcSerializationException {
        Binding<T> binding = Binding.lazy(type, serializer);
        List<HandleCore> handles = take();
        ByteBuffer payload = frame.duplicate();
        MessageReader.checkHeader(payload, binding.header(), binding.serializerName(), type, handles);
        return MessageReader.decode(payload, handles, binding);
    }

    /** The name of the serializer that wrote this message ({@code bytes} for a bytes channel). */
    public String serializerName() throws IpcSerializationException {
        return Frames.readHeader(frame.duplicate());
    }

    /** How many handles came with this message. */
    public int handleCount() {
        return cores.size();
    }

    private boolean isBytes() {
        return Frames.hasSerializer(frame, IpcBytesSender.header());
    }

    private List<HandleCore> take() {
        if (cores.isEmpty()) {
            return cores;
        }
        if (!handlesTaken.compareAndSet(false, true)) {
            throw new IllegalStateException(closed ? "This message was closed: its handles are released"
                    : "This message's handles were already taken by an earlier to(...)");
        }
        return cores;
    }

    /** Closes the handles of a message that was not decoded. Idempotent. */
    @Override
    public void close() {
        closed = true;
        if (!cores.isEmpty() && handlesTaken.compareAndSet(false, true)) {
            HandleCore.closeAll(cores);
        }
    }

    @Override
    public String toString() {
        return "OpaqueIpcMessage[" + frame.remaining() + " bytes, " + cores.size() + " handles]";
    }
}
