package ipc.api.internal.inprocess;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.spi.ReceivedMessage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The shared state of one channel: its queue and how many sender and receiver handles exist (including those inside
 * queued messages), like the kernel's reference count of a socket.
 */
final class Pipe {

    /** What {@link #tryTake()} found. */
    static final ReceivedMessage CLOSED = new ReceivedMessage(java.nio.ByteBuffer.allocate(0), List.of());

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<ReceivedMessage> queue = new ArrayDeque<>();
    private final List<Runnable> watchers = new CopyOnWriteArrayList<>();
    private int senders;
    private int receivers;

    void addSender() {
        lock.lock();
        try {
            senders++;
        } finally {
            lock.unlock();
        }
    }

    void removeSender() {
        boolean gone;
        lock.lock();
        try {
            senders--;
            gone = senders == 0;
            if (gone) {
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
        if (gone) {
            notifyWatchers();
        }
    }

    void addReceiver() {
        lock.lock();
        try {
            receivers++;
        } finally {
            lock.unlock();
        }
    }

    /** Drops one receiver handle; when none is left, the queued messages are dropped and their handles closed. */
    void removeReceiver() {
        List<ReceivedMessage> dropped = List.of();
        lock.lock();
        try {
            receivers--;
            changed.signalAll();
            if (receivers == 0) {
                dropped = new ArrayList<>(queue);
                queue.clear();
            }
        } finally {
            lock.unlock();
        }
        for (ReceivedMessage message : dropped) {
            message.closeHandles();
        }
    }

    void push(ReceivedMessage message) throws IpcDisconnectedException {
        lock.lock();
        try {
            if (receivers == 0) {
                throw new IpcDisconnectedException("Cannot send: the channel's receiver is closed");
            }
            queue.add(message);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
        notifyWatchers();
    }

    /**
     * Takes the next message for {@code who}, waiting as the SPI's timeout says.
     *
     * @return the message, or null on timeout
     */
    ReceivedMessage take(long timeoutNanos, InProcessReceiver who) throws IpcException {
        long remaining = timeoutNanos;
        lock.lock();
        try {
            while (true) {
                if (!who.isOpen()) {
                    throw new IpcDisconnectedException("The receiver was closed");
                }
                ReceivedMessage message = queue.poll();
                if (message != null) {
                    return message;
                }
                if (senders == 0) {
                    throw new IpcDisconnectedException("Every sender of the channel is closed");
                }
                if (timeoutNanos == 0) {
                    return null;
                }
                if (timeoutNanos < 0) {
                    changed.await();
                } else {
                    if (remaining <= 0) {
                        return null;
                    }
                    remaining = changed.awaitNanos(remaining);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpcException("Interrupted while waiting for a message");
        } finally {
            lock.unlock();
        }
    }

    /** A queued message, {@link #CLOSED} if every sender is gone and the queue is empty, else null. */
    ReceivedMessage tryTake() {
        lock.lock();
        try {
            ReceivedMessage message = queue.poll();
            if (message != null) {
                return message;
            }
            return senders == 0 ? CLOSED : null;
        } finally {
            lock.unlock();
        }
    }

    /** Wakes threads blocked in {@link #take} so they see that their receiver handle was closed. */
    void wakeAll() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    void addWatcher(Runnable watcher) {
        watchers.add(watcher);
    }

    void removeWatcher(Runnable watcher) {
        watchers.remove(watcher);
    }

    private void notifyWatchers() {
        for (Runnable watcher : watchers) {
            watcher.run();
        }
    }
}
