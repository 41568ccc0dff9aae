package ipc.api;

import ipc.api.spi.IpcSerializer;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.ReceiverSetEndpoint;
import ipc.api.spi.SelectionEvent;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Waits on many receivers at once: Rust's {@code IpcReceiverSet} ({@code epoll} on Linux).
 *
 * <p>{@link #add} takes ownership of a receiver: the set receives from it from then on, and closes it when its
 * channel is reported closed or the set is closed. Do not receive from an added receiver directly.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: use a set from one thread at a time. {@link #close()} may be called from any thread.
 */
public final class IpcReceiverSet implements AutoCloseable {

    private final ReceiverSetEndpoint endpoint;
    private final Map<Long, IpcSerializer> serializers = new HashMap<>();
    private final Map<Long, HandleCore> members = new ConcurrentHashMap<>();
    private final Cleaner.Cleanable cleanable;
    private long nextId;

    private IpcReceiverSet(ReceiverSetEndpoint endpoint) {
        this.endpoint = endpoint;
        this.cleanable = HandleCore.register(this, new Release(endpoint, members));
    }

    /** Closes the set and its members; holds no reference to the set itself. */
    private record Release(ReceiverSetEndpoint endpoint, Map<Long, HandleCore> members) implements Runnable {
        @Override
        public void run() {
            endpoint.close();
            for (HandleCore core : members.values()) {
                core.close();
            }
        }
    }

    /**
     * Creates an empty set.
     *
     * @return the set, to be closed by the caller
     * @throws IpcException if no transport is available or the OS refuses
     */
    public static IpcReceiverSet create() throws IpcException {
        return new IpcReceiverSet(IpcRuntime.transport().receiverSet());
    }

    /**
     * Adds a typed receiver; its messages are reported as {@link OpaqueIpcMessage}s that decode with its serializer.
     *
     * @param receiver the receiver, now owned by the set
     * @return the identifier that results about this receiver carry
     * @throws IpcException if the OS refuses
     * @throws IllegalStateException if the receiver or the set is closed
     */
    public long add(IpcReceiver<?> receiver) throws IpcException {
        return add(receiver.core(), receiver.binding().serializer());
    }

    /**
     * Adds an untyped receiver.
     *
     * @param receiver the receiver, now owned by the set
     * @return the identifier that results about this receiver carry
     * @throws IpcException if the OS refuses
     * @throws IllegalStateException if the receiver or the set is closed
     */
    public long add(OpaqueIpcReceiver receiver) throws IpcException {
        return add(receiver.core(), receiver.serializer());
    }

    /**
     * Adds a bytes receiver; its messages decode with {@code to(byte[].class)}.
     *
     * @param receiver the receiver, now owned by the set
     * @return the identifier that results about this receiver carry
     * @throws IpcException if the OS refuses
     * @throws IllegalStateException if the receiver or the set is closed
     */
    public long add(IpcBytesReceiver receiver) throws IpcException {
        return add(receiver.core(), null);
    }

    private long add(HandleCore core, IpcSerializer serializer) throws IpcException {
        Objects.requireNonNull(core, "receiver");
        if (!core.isOpen()) {
            throw new IllegalStateException("Cannot add a closed receiver to an IpcReceiverSet");
        }
        long id = nextId++;
        endpoint.add(id, (ReceiverEndpoint) core.endpoint());
        members.put(id, core);
        if (serializer != null) {
            serializers.put(id, serializer);
        }
        return id;
    }

    /**
     * Waits until at least one receiver has a message or lost all its senders.
     *
     * @return one result per ready receiver: a message, or {@link IpcSelectionResult.ChannelClosed} once, after the
     *     receiver's last message
     * @throws IpcException if the OS fails
     * @throws IllegalStateException if the set is closed
     */
    public List<IpcSelectionResult> select() throws IpcException {
        return select(-1);
    }

    /**
     * Returns what is ready now, without waiting.
     *
     * @return the results, empty if nothing is ready
     * @throws IpcException if the OS fails
     * @throws IllegalStateException if the set is closed
     */
    public List<IpcSelectionResult> trySelect() throws IpcException {
        return select(0);
    }

    /**
     * Waits at most {@code timeout} for a receiver to be ready.
     *
     * @param timeout how long to wait
     * @return the results, empty if nothing was ready in time
     * @throws IpcException if the OS fails
     * @throws IllegalStateException if the set is closed
     */
    public List<IpcSelectionResult> trySelect(Duration timeout) throws IpcException {
        return select(Timeouts.toNanos(timeout));
    }

    private List<IpcSelectionResult> select(long timeoutNanos) throws IpcException {
        List<SelectionEvent> events = endpoint.select(timeoutNanos);
        List<IpcSelectionResult> results = new ArrayList<>(events.size());
        for (SelectionEvent event : events) {
            if (event instanceof SelectionEvent.Message message) {
                results.add(new IpcSelectionResult.MessageReceived(message.id(),
                        new OpaqueIpcMessage(message.message(), serializers.get(message.id()))));
            } else {
                serializers.remove(event.id());
                HandleCore core = members.remove(event.id());
                if (core != null) {
                    core.close();
                }
                results.add(new IpcSelectionResult.ChannelClosed(event.id()));
            }
        }
        Reference.reachabilityFence(this);
        return results;
    }

    /** How many receivers are in the set. */
    public int size() {
        return members.size();
    }

    /** Closes the set and every receiver in it. Idempotent. */
    @Override
    public void close() {
        cleanable.clean();
    }
}
