package ipc.api.spi;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * The sending end of a channel.
 *
 * <h2>Thread safety</h2>
 * Thread-safe. Concurrent {@link #send} calls deliver whole messages, never interleaved, whatever their size.
 */
public interface SenderEndpoint extends TransportHandle {

    @Override
    default Kind kind() {
        return Kind.SENDER;
    }

    /**
     * Sends one message: the bytes between {@code frame}'s position and limit, and the given handles, which the
     * receiving side gets in the same order. The handles are not consumed; the caller still owns and closes them.
     * The frame buffer is not retained after this call returns.
     *
     * @param frame the message bytes, any size
     * @param handles handles created by the same transport, in the order the receiver will see them
     * @throws IpcDisconnectedException if the receiving end is closed everywhere
     * @throws IpcException for any other OS failure, or if this sender is closed or the thread interrupted while the
     *     send waits for room in a full channel; the message was then not delivered
     * @throws IllegalArgumentException if a handle belongs to another transport or is closed
     */
    void send(ByteBuffer frame, List<? extends TransportHandle> handles) throws IpcException;

    /**
     * Sends one message without handles whose frame is {@code prefix} followed by {@code payload} (the bytes
     * between each one's position and limit), as if they were one buffer: the receiver sees a single frame. Lets a
     * transport copy a large payload once, straight from the caller's buffer, instead of after the two were joined.
     * Neither buffer is retained or moved. The default sends them as parts ({@link #send(ByteBuffer[], List)}).
     *
     * @param prefix the first bytes of the frame (a small header)
     * @param payload the rest of the frame
     * @throws IpcDisconnectedException if the receiving end is closed everywhere
     * @throws IpcException for any other OS failure, as {@link #send(ByteBuffer, List)}
     */
    default void send(ByteBuffer prefix, ByteBuffer payload) throws IpcException {
        send(new ByteBuffer[] {prefix, payload}, List.of());
    }

    /**
     * {@link #send(ByteBuffer, ByteBuffer)} of a payload held in an array: a transport that copies the payload anyway
     * reads the array directly, with no buffer object made for it. The default wraps the array.
     *
     * @param prefix the first bytes of the frame (a small header)
     * @param payload the rest of the frame, all of it
     * @throws IpcDisconnectedException if the receiving end is closed everywhere
     * @throws IpcException for any other OS failure, as {@link #send(ByteBuffer, List)}
     */
    default void send(ByteBuffer prefix, byte[] payload) throws IpcException {
        send(prefix, ByteBuffer.wrap(payload));
    }

    /**
     * Sends one message whose frame is {@code parts} one after the other (the bytes between each one's position and
     * limit), as if they were one buffer: the receiver sees a single frame. Lets a transport send large parts
     * (arrays of the value being sent, see {@link EncodeContext#writeValueBytes}) from where they are instead of
     * after they were joined. No part is retained or moved. The default joins them and calls
     * {@link #send(ByteBuffer, List)}.
     *
     * @param parts the frame, in order
     * @param handles handles created by the same transport, as {@link #send(ByteBuffer, List)}
     * @throws IpcDisconnectedException if the receiving end is closed everywhere
     * @throws IpcException for any other OS failure, as {@link #send(ByteBuffer, List)}
     * @throws IllegalArgumentException if a handle belongs to another transport or is closed
     */
    default void send(ByteBuffer[] parts, List<? extends TransportHandle> handles) throws IpcException {
        int length = 0;
        for (ByteBuffer part : parts) {
            length = Math.addExact(length, part.remaining());
        }
        ByteBuffer frame = ByteBuffer.allocate(length);
        for (ByteBuffer part : parts) {
            frame.put(part.duplicate());
        }
        send(frame.flip(), handles);
    }

    /**
     * Creates an independent handle to the same channel.
     *
     * @return a new sender, owned by the caller
     * @throws IpcException if the OS refuses (for example, out of file descriptors)
     */
    SenderEndpoint duplicate() throws IpcException;
}
