package ipc.api;

import ipc.api.spi.SenderEndpoint;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The sending end of a bytes channel: Rust's {@code IpcBytesSender}. Messages are raw bytes, with no serializer.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; each message arrives whole, in order, never interleaved with another sender's.
 */
public final class IpcBytesSender extends AbstractHandle {

    /**
     * Payloads up to this size are copied behind the header into this thread's {@link FrameBuffer} and sent from
     * there: copying a few hundred bytes once more costs less than the buffer object that would otherwise wrap the
     * caller's array for the transport (the JIT cannot keep it off the heap across the transport's call), so a
     * small send allocates nothing. Larger payloads are sent from the caller's memory, copied once.
     */
    static final int STAGING_LIMIT = 512;
    private static final byte[] HEADER = Frames.header(Frames.BYTES);
    /**
     * {@link #HEADER} as the prefix of a large send, shared by all threads: read-only, and a transport never moves
     * a prefix's position ({@link SenderEndpoint#send(ByteBuffer, ByteBuffer)}).
     */
    private static final ByteBuffer HEADER_BUFFER = ByteBuffer.wrap(HEADER).asReadOnlyBuffer();

    IpcBytesSender(HandleCore core) {
        super(core);
    }

    /**
     * Sends a copy of {@code bytes}.
     *
     * @param bytes the message, possibly empty
     * @throws IpcDisconnectedException if the receiver is closed
     * @throws IpcException if the OS fails
     * @throws IllegalStateException if this sender is closed
     */
    public void send(byte[] bytes) throws IpcException {
        Objects.requireNonNull(bytes, "bytes");
        try {
            SenderEndpoint endpoint = endpoint();
            if (bytes.length > STAGING_LIMIT) {
                endpoint.send(HEADER_BUFFER, bytes);
                return;
            }
            FrameBuffer frame = FrameBuffer.acquire(HEADER);
            try {
                frame.write(bytes, 0, bytes.length);
                endpoint.send(frame.contents(), List.of());
            } finally {
                frame.release();
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * Sends the bytes between {@code bytes}' position and limit; the buffer's position is not changed. A direct
     * buffer's bytes (beyond a few hundred) are read by the kernel straight from its memory, not copied first.
     *
     * @param bytes the message, possibly empty
     * @throws IpcDisconnectedException if the receiver is closed
     * @throws IpcException if the OS fails
     * @throws IllegalStateException if this sender is closed
     */
    public void send(ByteBuffer bytes) throws IpcException {
        Objects.requireNonNull(bytes, "bytes");
        try {
            SenderEndpoint endpoint = endpoint();
            if (bytes.remaining() > STAGING_LIMIT) {
                // The transport copies header and payload once each, straight from the caller's buffer.
                endpoint.send(HEADER_BUFFER, bytes);
                return;
            }
            FrameBuffer frame = FrameBuffer.acquire(HEADER);
            try {
                frame.write(bytes);
                endpoint.send(frame.contents(), List.of());
            } finally {
                frame.release();
            }
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    static byte[] header() {
        return HEADER;
    }

    /**
     * An independent handle to the same channel.
     *
     * @return a new sender, to be closed by the caller
     * @throws UncheckedIOException wrapping an {@link IpcException} if the OS refuses
     */
    public IpcBytesSender duplicate() {
        try {
            return new IpcBytesSender(new HandleCore(endpoint().duplicate()));
        } catch (IpcException e) {
            throw new UncheckedIOException(e);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * An untyped view sharing this sender's OS handle; its {@code to(...)} uses the default serializer.
     *
     * @return the view
     */
    public OpaqueIpcSender toOpaque() {
        return new OpaqueIpcSender(core, null);
    }

    private SenderEndpoint endpoint() {
        if (!core.isOpen()) {
            throw new IllegalStateException("This IpcBytesSender is closed");
        }
        return (SenderEndpoint) core.endpoint();
    }

    @Override
    public String toString() {
        return "IpcBytesSender" + (isOpen() ? "" : " (closed)");
    }
}
