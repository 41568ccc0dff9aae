package ipc.api;

import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The receiving end of a typed channel: Rust's {@code IpcReceiver<T>}.
 *
 * <p>A receiver can travel inside a message to another thread or process. Sending it does not close it here; both
 * copies then receive from the same queue, so close the local one when you hand it over.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: concurrent receives each get distinct, whole messages. {@link #close()} from another thread wakes a
 * blocked {@link #recv()}, which then throws {@link IpcDisconnectedException}.
 *
 * @param <T> the message type
 */
public final class IpcReceiver<T> extends AbstractHandle {

    private final Binding<T> binding;
    /**
     * The array the bulk of the last large message was read into, kept (softly) for the next one: a codec reads the
     * bytes and keeps none of them, so each large message costs no array of its size besides the decoded value.
     */
    private final SpareArray bulk = new SpareArray();
    private final IntFunction<ByteBuffer> bulkBuffers = length -> ByteBuffer.wrap(bulk.lend(length), 0, length);

    IpcReceiver(HandleCore core, Binding<T> binding) {
        super(core);
        this.binding = binding;
    }

    /**
     * Waits for the next message.
     *
     * @return the message
     * @throws IpcDisconnectedException if every sender is closed and the queue is drained, or this receiver was
     *     closed (also while waiting)
     * @throws IpcSerializationException if the message cannot be decoded as {@code T}; its handles are closed and
     *     the channel stays usable
     * @throws IpcException if the OS fails
     */
    public T recv() throws IpcException {
        return receive(-1).orElseThrow(() -> new IllegalStateException("blocking receive returned nothing"));
    }

    /**
     * Returns the next message if one is queued, without waiting.
     *
     * @return the message, or empty if none is queued
     * @throws IpcDisconnectedException if every sender is closed and the queue is drained
     * @throws IpcSerializationException if the message cannot be decoded as {@code T}
     * @throws IpcException if the OS fails
     */
    public Optional<T> tryRecv() throws IpcException {
        return receive(0);
    }

    /**
     * Waits at most {@code timeout} for the next message.
     *
     * @param timeout how long to wait; zero polls
     * @return the message, or empty if none arrived in time
     * @throws IpcDisconnectedException if every sender is closed and the queue is drained
     * @throws IpcSerializationException if the message cannot be decoded as {@code T}
     * @throws IpcException if the OS fails
     */
    public Optional<T> tryRecv(Duration timeout) throws IpcException {
        return receive(Timeouts.toNanos(timeout));
    }

    private Optional<T> receive(long timeoutNanos) throws IpcException {
        try {
            ReceivedMessage message = endpoint().receive(timeoutNanos, bulkBuffers);
            if (message == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(decode(message, binding));
            } finally {
                message.release();
                ByteBuffer read = message.tail() != null ? message.tail() : message.frame();
                if (read.hasArray()) {
                    bulk.giveBack(read.array()); // kept only if it is the array lent above
                }
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    static <T> T decode(ReceivedMessage message, Binding<T> binding) throws IpcSerializationException {
        java.util.List<HandleCore> cores = HandleCore.wrapAll(message.handles());
        ByteBuffer frame = message.whole();
        MessageReader.checkHeader(frame, binding.header(), binding.serializerName(), binding.type(), cores);
        return MessageReader.decode(frame, cores, binding);
    }

    /**
     * An untyped view of this receiver, sharing its OS handle: closing either closes both.
     *
     * @return the view
     */
    public OpaqueIpcReceiver toOpaque() {
        return new OpaqueIpcReceiver(core, binding.serializer());
    }

    /** The declared message type. */
    public TypeRef<T> type() {
        return binding.type();
    }

    Binding<T> binding() {
        return binding;
    }

    private ReceiverEndpoint endpoint() throws IpcDisconnectedException {
        if (!core.isOpen()) {
            throw new IpcDisconnectedException("This IpcReceiver is closed");
        }
        return (ReceiverEndpoint) core.endpoint();
    }

    @Override
    public String toString() {
        return "IpcReceiver<" + binding.type() + ">" + (isOpen() ? "" : " (closed)");
    }
}
