package ipc.api.spi;

import ipc.api.IpcException;
import java.util.List;

/**
 * Readiness over many receivers ({@code epoll} on Linux).
 *
 * <h2>Thread safety</h2>
 * {@link #add} and {@link #select} must not run concurrently with each other (the API confines them to one
 * thread at a time); {@link #close()} may be called from any thread and wakes a blocked {@link #select}.
 */
public interface ReceiverSetEndpoint extends AutoCloseable {

    /**
     * Adds a receiver. The set takes ownership: it closes the receiver when the receiver's channel is reported
     * closed, or when the set is closed.
     *
     * @param id the caller's identifier for events about this receiver; unique within the set
     * @param receiver a receiver created by the same transport
     * @throws IpcException if the OS refuses
     * @throws IllegalArgumentException if the receiver belongs to another transport or is closed
     */
    void add(long id, ReceiverEndpoint receiver) throws IpcException;

    /**
     * Waits until at least one receiver has a message or has lost all its senders, then returns at most one
     * message per ready receiver, and a {@link SelectionEvent.Closed} for each receiver whose senders are all
     * closed and whose queue is drained (that receiver then leaves the set and is closed).
     *
     * @param timeoutNanos negative to wait without limit, 0 to poll, positive to wait at most that long
     * @return the events, empty only if the timeout elapsed (or the set is empty and the timeout is finite)
     * @throws IpcException if the OS fails
     * @throws IllegalStateException if the set is closed
     */
    List<SelectionEvent> select(long timeoutNanos) throws IpcException;

    /** Closes the set and every receiver still in it. Idempotent; never throws. */
    @Override
    void close();
}
