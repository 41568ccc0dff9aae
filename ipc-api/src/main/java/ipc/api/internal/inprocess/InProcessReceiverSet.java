package ipc.api.internal.inprocess;

import ipc.api.IpcException;
import ipc.api.IpcLimitExceededException;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.ReceiverSetEndpoint;
import ipc.api.spi.SelectionEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Readiness over in-process receivers: each member's pipe marks the member ready when a message arrives or its last
 * sender goes, and {@link #select} examines only the members marked ready, so it does not scan thousands of idle
 * receivers.
 */
final class InProcessReceiverSet implements ReceiverSetEndpoint {

    private static final System.Logger LOG = System.getLogger(InProcessReceiverSet.class.getName());

    private record Member(InProcessReceiver receiver, Runnable watcher) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final Set<Long> readyIds = new LinkedHashSet<>();
    private final Map<Long, Member> members = new HashMap<>();
    private boolean closed;

    @Override
    public void add(long id, ReceiverEndpoint receiver) {
        if (!(receiver instanceof InProcessReceiver inProcess)) {
            throw new IllegalArgumentException("Cannot add a receiver of another transport to an in-process set");
        }
        if (!inProcess.isOpen()) {
            throw new IllegalArgumentException("Cannot add a closed receiver");
        }
        Runnable watcher = () -> markReady(id);
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("The receiver set is closed");
            }
            if (members.containsKey(id)) {
                throw new IllegalArgumentException("Duplicate receiver id " + id);
            }
            members.put(id, new Member(inProcess, watcher));
        } finally {
            lock.unlock();
        }
        inProcess.pipe().addWatcher(watcher);
        markReady(id);
    }

    private void markReady(long id) {
        lock.lock();
        try {
            readyIds.add(id);
            ready.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<SelectionEvent> select(long timeoutNanos) throws IpcException {
        long deadline = timeoutNanos > 0 ? System.nanoTime() + timeoutNanos : 0;
        while (true) {
            List<Long> candidates;
            lock.lock();
            try {
                while (readyIds.isEmpty()) {
                    if (closed) {
                        throw new IllegalStateException("The receiver set is closed");
                    }
                    if (timeoutNanos == 0) {
                        return List.of();
                    }
                    if (timeoutNanos < 0) {
                        ready.await();
                    } else {
                        long remaining = deadline - System.nanoTime();
                        if (remaining <= 0) {
                            return List.of();
                        }
                        ready.awaitNanos(remaining);
                    }
                }
                if (closed) {
                    throw new IllegalStateException("The receiver set is closed");
                }
                candidates = new ArrayList<>(readyIds);
                readyIds.clear();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IpcException("Interrupted while waiting in select");
            } finally {
                lock.unlock();
            }
            List<SelectionEvent> events = poll(candidates);
            if (!events.isEmpty()) {
                return events;
            }
        }
    }

    private List<SelectionEvent> poll(List<Long> candidates) {
        List<SelectionEvent> events = new ArrayList<>();
        for (long id : candidates) {
            Member member;
            lock.lock();
            try {
                member = members.get(id);
            } finally {
                lock.unlock();
            }
            if (member == null) {
                continue;
            }
            ReceivedMessage message = member.receiver().isOpen() ? member.receiver().pipe().tryTake() : Pipe.CLOSED;
            if (message == null) {
                continue;
            }
            if (message == Pipe.CLOSED) {
                remove(id, member);
                events.add(new SelectionEvent.Closed(id));
            } else {
                markReady(id); // there may be more; the next select looks again
                try {
                    InProcessReceiver.withinLimits(message);
                    events.add(new SelectionEvent.Message(id, message));
                } catch (IpcLimitExceededException e) {
                    LOG.log(System.Logger.Level.WARNING, "Receiver " + id + " of a receiver set dropped a message: "
                            + e.getMessage());
                }
            }
        }
        return events;
    }

    private void remove(long id, Member member) {
        lock.lock();
        try {
            members.remove(id);
        } finally {
            lock.unlock();
        }
        member.receiver().pipe().removeWatcher(member.watcher());
        member.receiver().close();
    }

    @Override
    public void close() {
        List<Map.Entry<Long, Member>> left;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            left = new ArrayList<>(members.entrySet());
            members.clear();
            ready.signalAll();
        } finally {
            lock.unlock();
        }
        for (Map.Entry<Long, Member> entry : left) {
            entry.getValue().receiver().pipe().removeWatcher(entry.getValue().watcher());
            entry.getValue().receiver().close();
        }
    }
}
