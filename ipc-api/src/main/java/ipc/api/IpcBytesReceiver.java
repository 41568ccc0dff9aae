package ipc.api;

import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.TransportHandle;
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

    /** The next message's bytes, or null if none arrived in time. */
    private byte[] receive(long timeoutNanos) throws IpcException {
        try {
            if (!core.isOpen()) {
                throw new IpcDisconnectedException("This IpcBytesReceiver is closed");
            }
            ReceivedMessage message = ((ReceiverEndpoint) core.endpoint()).receive(timeoutNanos);
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

    /**
     * The payload of a bytes frame; a bytes frame carries no handles, so any that came are closed. Allocates only the
     * returned array when none came (the usual case).
     */
    static byte[] decode(ReceivedMessage message) throws IpcSerializationException {
        List<TransportHandle> handles = message.handles();
        ByteBuffer frame = message.frame();
        if (handles.isEmpty()) {
            MessageReader.checkHeader(frame, IpcBytesSender.header(), Frames.BYTES, "byte[]", List.of());
        } else {
            List<HandleCore> cores = HandleCore.wrapAll(handles);
            MessageReader.checkHeader(frame, IpcBytesSender.header(), Frames.BYTES, "byte[]", cores);
            HandleCore.closeAll(cores);
        }
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
