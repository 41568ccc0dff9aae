package ipc.api.spi;

import java.nio.ByteBuffer;
import java.util.function.IntFunction;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;

/**
 * The receiving end of a channel.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: concurrent {@link #receive} calls each get whole, distinct messages. {@link #close()} from another
 * thread wakes a blocked {@link #receive}, which then throws {@link IpcDisconnectedException}.
 */
public interface ReceiverEndpoint extends TransportHandle {

    @Override
    default Kind kind() {
        return Kind.RECEIVER;
    }

    /**
     * Receives the next message.
     *
     * @param timeoutNanos negative to wait without limit, 0 to poll, positive to wait at most that long
     * @return the message, or {@code null} if none arrived in time
     * @throws IpcDisconnectedException if every sender is closed and no message is queued, or this end is closed
     * @throws IpcException if the OS fails or the peer sent a malformed transport frame (the channel stays usable
     *     unless the exception is an {@link IpcDisconnectedException})
     */
    ReceivedMessage receive(long timeoutNanos) throws IpcException;

    /**
     * Receives the next message, letting the recipient choose where the bulk of a large message goes: a transport
     * that reads a large message's payload into memory of its own choosing (rather than a lent buffer) asks
     * {@code tails} for a buffer with at least the length it will read remaining, fills it from its position, and
     * delivers that very buffer as the message's {@linkplain ReceivedMessage#tail() tail}, its position at the first
     * byte read and its limit after the last; when no byte of the message came before it (the sender put none inline),
     * it may deliver that buffer as the {@linkplain ReceivedMessage#frame() frame} instead, with no tail, so a
     * recipient must expect its own buffer back as the frame, holding the whole message. A transport that has no use
     * for it ignores it (the default).
     *
     * @param timeoutNanos as for {@link #receive(long)}
     * @param tails given a length, a buffer with at least that many bytes remaining
     * @return the message, or {@code null} if none arrived in time
     * @throws IpcException as for {@link #receive(long)}
     */
    default ReceivedMessage receive(long timeoutNanos, IntFunction<ByteBuffer> tails) throws IpcException {
        return receive(timeoutNanos);
    }

    /**
     * Receives the next message as {@link #receive(long, IntFunction)} does, offering {@code into} for the payload:
     * <ul>
     * <li>the streamed part of a large message goes into {@code into} if it fits in its remaining bytes, else into a
     *     buffer from {@code tails};</li>
     * <li>a transport that can receive a message that travels in one piece straight into {@code into} (a direct
     *     buffer the kernel writes into) delivers the payload's first {@code headLength} bytes (the recipient's
     *     header) as the message's {@linkplain ReceivedMessage#frame() frame}, and {@code into}, the rest of the
     *     payload from its position, as its {@linkplain ReceivedMessage#tail() tail}; it does so only for a message
     *     without handles whose payload is longer than {@code headLength} and whose rest fits in {@code into}'s
     *     remaining bytes.</li>
     * </ul>
     * Any other message arrives as from {@link #receive(long, IntFunction)}, and {@code into}'s content is then
     * undefined. The default offers {@code into} for the streamed part only.
     *
     * @param timeoutNanos as for {@link #receive(long)}
     * @param tails as for {@link #receive(long, IntFunction)}, for a streamed part that does not fit in {@code into}
     * @param into a writable buffer the recipient reads the payload from afterwards
     * @param headLength the bytes of the payload that stay in the frame
     * @return the message, or {@code null} if none arrived in time
     * @throws IpcException as for {@link #receive(long)}
     */
    default ReceivedMessage receive(long timeoutNanos, IntFunction<ByteBuffer> tails, ByteBuffer into, int headLength)
            throws IpcException {
        return receive(timeoutNanos, length -> length <= into.remaining() ? into : tails.apply(length));
    }
}
