package ipc.api;

import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

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
        return receive(-1).orElseThrow(() -> new IllegalStateException("blocking receive returned nothing"));
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
        return receive(0);
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
        return receive(Timeouts.toNanos(timeout));
    }

    private Optional<byte[]> receive(long timeoutNanos) throws IpcException {
        try {
            if (!core.isOpen()) {
                throw new IpcDisconnectedException("This IpcBytesReceiver is closed");
            }
            ReceivedMessage message = ((ReceiverEndpoint) core.endpoint()).receive(timeoutNanos);
            if (message == null) {
                return Optional.empty();
            }
            try {
                return Optional.of(decode(message));
            } finally {
                message.release();
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /** The payload of a bytes frame; a bytes frame carries no handles, so any that came are closed. */
    static byte[] decode(ReceivedMessage message) throws IpcSerializationException {
        List<HandleCore> cores = HandleCore.wrapAll(message.handles());
        ByteBuffer frame = message.frame();
        if (message.tail() != null && frame.remaining() == IpcBytesSender.header().length) {
            // A large message whose payload the transport read into an array of its own: the user gets that array.
            MessageReader.checkHeader(frame, IpcBytesSender.header(), Frames.BYTES, "byte[]", cores);
            HandleCore.closeAll(cores);
            return message.tail();
        }
        frame = message.whole();
        MessageReader.checkHeader(frame, IpcBytesSender.header(), Frames.BYTES, "byte[]", cores);
        HandleCore.closeAll(cores);
        byte[] bytes = new byte[frame.remaining()];
        frame.get(bytes);
        return bytes;
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
