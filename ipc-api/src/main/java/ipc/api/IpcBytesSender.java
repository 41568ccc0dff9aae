package ipc.api;

import ipc.api.spi.SenderEndpoint;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * The sending end of a bytes channel: Rust's {@code IpcBytesSender}. Messages are raw bytes, with no serializer.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; each message arrives whole, in order, never interleaved with another sender's.
 */
public final class IpcBytesSender extends AbstractHandle {

    private static final byte[] HEADER = Frames.header(Frames.BYTES);

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
        send(ByteBuffer.wrap(Objects.requireNonNull(bytes, "bytes")));
    }

    /**
     * Sends the bytes between {@code bytes}' position and limit; the buffer's position is not changed.
     *
     * @param bytes the message, possibly empty
     * @throws IpcDisconnectedException if the receiver is closed
     * @throws IpcException if the OS fails
     * @throws IllegalStateException if this sender is closed
     */
    public void send(ByteBuffer bytes) throws IpcException {
        Objects.requireNonNull(bytes, "bytes");
        try {
            MessageWriter.sendBytes(endpoint(), HEADER, bytes);
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
