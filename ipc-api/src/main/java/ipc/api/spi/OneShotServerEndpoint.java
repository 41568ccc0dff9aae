package ipc.api.spi;

import ipc.api.IpcException;

/**
 * A named rendezvous that accepts exactly one client.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; {@link #close()} from another thread wakes a blocked {@link #accept(long)}.
 */
public interface OneShotServerEndpoint extends AutoCloseable {

    /** The name a client passes to {@link Transport#connect(String)}, possibly in another process. */
    String name();

    /**
     * Waits for the one client. After a client is accepted, the name stops working and nothing of the server is
     * left behind (on Linux: the socket file and its private directory are removed).
     *
     * @param timeoutNanos negative to wait without limit, 0 to poll, positive to wait at most that long
     * @return the receiving end of the client's channel, or {@code null} if no client connected in time
     * @throws IpcException if the OS fails, the server is closed, or a client was already accepted
     */
    ReceiverEndpoint accept(long timeoutNanos) throws IpcException;

    /** Stops listening and removes whatever the name referred to. Idempotent; never throws. */
    @Override
    void close();
}
