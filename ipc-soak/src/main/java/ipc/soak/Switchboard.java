package ipc.soak;

import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult;
import ipc.api.OpaqueIpcMessage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One process's receivers: a single {@link IpcReceiverSet} over every receiver of every link, and what each
 * receiver is for.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; its owner's loop uses it from one thread.
 */
final class Switchboard implements AutoCloseable {

    /** What a receiver in the set is for. */
    sealed interface Route permits DataLane, Acks, Reply, Reports {}

    /** A lane on which the peer sends data. */
    record DataLane(Link link, int lane) implements Route {}

    /** The channel on which the peer acknowledges this side's data. */
    record Acks(Link link) implements Route {}

    /** A private channel for the acknowledgement of one message that carried its sender. */
    record Reply(Link link, int lane, long seq) implements Route {}

    /** A worker's report channel (coordinator side only). */
    record Reports(Link link) implements Route {}

    /**
     * What happened on one receiver.
     *
     * @param route the receiver's purpose
     * @param message the message, or null when every sender of the receiver is gone (it then left the set)
     */
    record Event(Route route, OpaqueIpcMessage message) {
        boolean closed() {
            return message == null;
        }
    }

    private final IpcReceiverSet set;
    private final Map<Long, Route> routes = new HashMap<>();

    Switchboard() throws IpcException {
        set = IpcReceiverSet.create();
    }

    /** Adds {@code receiver} (the set owns it from now on). */
    void add(IpcReceiver<?> receiver, Route route) throws IpcException {
        routes.put(set.add(receiver), route);
    }

    /** The number of receivers in the set. */
    int size() {
        return routes.size();
    }

    /** How many receivers of {@code link} are still in the set. */
    int openFor(Link link) {
        int n = 0;
        for (Route route : routes.values()) {
            if (linkOf(route) == link) {
                n++;
            }
        }
        return n;
    }

    /** Waits at most {@code timeout} for messages or hang-ups. */
    List<Event> poll(Duration timeout) throws IpcException {
        List<IpcSelectionResult> results = set.trySelect(timeout);
        List<Event> events = new ArrayList<>(results.size());
        for (IpcSelectionResult result : results) {
            if (result instanceof IpcSelectionResult.MessageReceived received) {
                events.add(new Event(route(result.id()), received.message()));
            } else {
                events.add(new Event(routes.remove(result.id()), null));
            }
        }
        return events;
    }

    private Route route(long id) {
        Route route = routes.get(id);
        if (route == null) {
            throw new IllegalStateException("a message on receiver " + id + ", which the set does not hold");
        }
        return route;
    }

    static Link linkOf(Route route) {
        if (route instanceof DataLane lane) {
            return lane.link();
        } else if (route instanceof Acks acks) {
            return acks.link();
        } else if (route instanceof Reply reply) {
            return reply.link();
        }
        return ((Reports) route).link();
    }

    @Override
    public void close() {
        set.close();
        routes.clear();
    }
}
