package ipc.api.spi;

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
}
