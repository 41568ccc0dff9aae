package ipc.api;

import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.TransportHandle;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.IntFunction;

/**
 * The receiving end of a bytes channel: Rust's {@code IpcBytesReceiver}.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; {@link #close()} from another thread wakes a blocked {@link #recv()}.
 */
public final class IpcBytesReceiver extends AbstractHandle {

    IpcBytesReceiver(HandleCore core) {
        super(core);
    }

    /**
     * Waits for the next message.
     *
     * @return the bytes
     * @throws IpcDisconnectedException if every sender is closed and the queue is drained, or this receiver was
     *     closed
     * @throws IpcSerializationException if the message was not sent by a bytes sender
     * @throws IpcException if the OS fails
     */
    public byte[] recv() throws IpcException {
        byte[] bytes = receive(-1);
        if (bytes == null) {
            throw new IllegalStateException("blocking receive returned nothing");
        }
        return bytes;
    }

    /**
     * Returns the next message if one is queued.
     *
     * @return the bytes, or empty
     * @throws IpcDisconnectedException if every sender is closed and the queue is drained
     * @throws IpcSerializationException if the message was not sent by a bytes sender
     * @throws IpcException if the OS fails
     */
    public Optional<byte[]> tryRecv() throws IpcException {
        return Optional.ofNullable(receive(0));
    }

    /**
     * Waits at most {@code timeout} for the next message.
     *
     * @param timeout how long to wait
     * @return the bytes, or empty if none arrived in time
     * @throws IpcDisconnectedException if every sender is closed and the queue is drained
     * @throws IpcSerializationException if the message was not sent by a bytes sender
     * @throws IpcException if the OS fails
     */
    public Optional<byte[]> tryRecv(Duration timeout) throws IpcException {
        return Optional.ofNullable(receive(Timeouts.toNanos(timeout)));
    }

    /**
     * Waits for the next message and puts its bytes into {@code buffer} when they fit: for a receiver that reuses one
     * buffer, so that receiving allocates nothing per message. A large message is read straight from the kernel into
     * the buffer; so is every message if the buffer is direct (and, sent from a direct buffer, a message is not
     * copied by the sending side either: with both buffers direct, the kernel's two copies are the only ones). A
     * message larger than the buffer's capacity is not lost: it arrives in a new heap buffer of its
     * size, which is returned (keep it for the next call).
     *
     * @param buffer a writable buffer, heap or direct; cleared first, its content is replaced
     * @return the buffer holding the message, position 0 and limit the message's length: {@code buffer} itself, or a
     *     new one if the message is larger than {@code buffer.capacity()}
     * @throws IpcDisconnectedException if every sender is closed and the queue is drained, or this receiver was
     *     closed
     * @throws IpcSerializationException if the message was not sent by a bytes sender
     * @throws IpcException if the OS fails
     * @throws java.nio.ReadOnlyBufferException if {@code buffer} is read-only
     */
    public ByteBuffer recv(ByteBuffer buffer) throws IpcException {
        if (buffer.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        try {
            // The transport reads a large message into the buffer if it fits (else into a new heap buffer), and may
            // receive a message of one datagram into it past the header (the Linux transport does, into a direct one).
            // No lambda capturing the buffer: nothing is allocated per call.
            ReceivedMessage message = receiveMessage(-1, ByteBuffer::allocate, buffer.clear());
            try {
                ByteBuffer payload = payload(message);
                if (payload == message.tail() && payload.position() == 0) {
                    return payload; // read by the transport straight into the buffer given above, or a new one
                }
                if (payload == buffer) {
                    // The whole message, header first, read into the buffer given above: the payload moves down.
                    return buffer.compact().flip();
                }
                ByteBuffer into = payload.remaining() <= buffer.capacity() ? buffer.clear()
                        : ByteBuffer.allocate(payload.remaining());
                return into.put(payload).flip();
            } finally {
                message.release();
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** The next message's bytes, or null if none arrived in time. */
    private byte[] receive(long timeoutNanos) throws IpcException {
        try {
            ReceivedMessage message = receiveMessage(timeoutNanos, NEW_ARRAYS, null);
            if (message == null) {
                return null;
            }
            try {
                return decode(message);
            } finally {
                message.release();
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    private ReceivedMessage receiveMessage(long timeoutNanos, IntFunction<ByteBuffer> tails, ByteBuffer into)
            throws IpcException {
        if (!core.isOpen()) {
            throw new IpcDisconnectedException("This IpcBytesReceiver is closed");
        }
        ReceiverEndpoint endpoint = (ReceiverEndpoint) core.endpoint();
        return into == null ? endpoint.receive(timeoutNanos, tails)
                : endpoint.receive(timeoutNanos, tails, into, IpcBytesSender.header().length);
    }

    /** New arrays for the bulk of large messages: handed to the user as they are. */
    private static final IntFunction<ByteBuffer> NEW_ARRAYS = length -> ByteBuffer.wrap(new byte[length]);

    /**
     * The payload of a bytes frame; a bytes frame carries no handles, so any that came are closed. Allocates only the
     * returned array when none came (the usual case).
     */
    static byte[] decode(ReceivedMessage message) throws IpcSerializationException {
        ByteBuffer payload = payload(message);
        if (payload == message.tail() && payload.hasArray() && payload.arrayOffset() == 0 && payload.position() == 0
                && payload.remaining() == payload.array().length) {
            return payload.array(); // a large message the transport read into an array of its own
        }
        byte[] bytes = new byte[payload.remaining()];
        payload.get(bytes);
        return bytes;
    }

    /**
     * Checks the bytes header and closes any handles that came (a bytes frame carries none); returns the payload after
     * the header: the message's tail itself when the transport delivered the header and the payload apart (no copy),
     * else a view of the rest of its bytes.
     */
    private static ByteBuffer payload(ReceivedMessage message) throws IpcSerializationException {
        List<TransportHandle> handles = message.handles();
        List<HandleCore> cores = handles.isEmpty() ? List.of() : HandleCore.wrapAll(handles);
        ByteBuffer frame = message.frame();
        boolean apart = message.tail() != null && frame.remaining() == IpcBytesSender.header().length;
        if (message.tail() != null && !apart) {
            frame = message.whole();
        }
        MessageReader.checkHeader(frame, IpcBytesSender.header(), Frames.BYTES, "byte[]", cores);
        HandleCore.closeAll(cores);
        return apart ? message.tail() : frame;
    }

    /**
     * An untyped view sharing this receiver's OS handle.
     *
     * @return the view
     */
    public OpaqueIpcReceiver toOpaque() {
        return new OpaqueIpcReceiver(core, null);
    }

    @Override
    public String toString() {
        return "IpcBytesReceiver" + (isOpen() ? "" : " (closed)");
    }
}
