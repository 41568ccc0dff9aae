package ipc.api;

import ipc.api.spi.TransportHandle;
import java.lang.ref.Cleaner;
import java.lang.ref.PhantomReference;
import java.lang.ref.ReferenceQueue;

/**
 * The leak safety net of handles and of other owners of native state: what a {@link Cleaner} registration does,
 * shaped for handles that come and go by the thousand per second. A registration is a phantom reference to its
 * owner, kept reachable in a list until either {@link #clean()} runs its release (an explicit close: it is unlinked
 * and, reachable from nothing but its owner, becomes garbage with it, never enqueued) or the owner becomes
 * unreachable (then one daemon thread, {@value #THREAD_NAME}, unlinks it and runs its release).
 *
 * <p>What it saves over a {@code Cleaner} registration, per handle: the handles of a received message are listed
 * under one acquisition of the lock ({@link #listAll}); the release of a handle is its transport handle itself (no lambda per handle);
 * and {@link #clean()} does not clear the reference (a call into the VM on JDK 17), since an unlinked registration
 * can no longer be enqueued.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: {@link #clean()} may run on any thread, any number of times; the release runs at most once.
 */
final class SafetyNet extends PhantomReference<Object> implements Cleaner.Cleanable {

    static final String THREAD_NAME = "ipc-channel-cleaner";
    private static final ReferenceQueue<Object> QUEUE = new ReferenceQueue<>();
    /** Guards the list: {@link #head}, and every registration's {@link #previous}, {@link #next} and {@link #listed}. */
    private static final Object LOCK = new Object();
    private static SafetyNet head;

    static {
        Thread thread = new Thread(SafetyNet::releaseUnreachable, THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    /** Closed by the release, or null if {@link #action} is the release. */
    private final TransportHandle endpoint;
    private final Runnable action;
    private SafetyNet previous;
    private SafetyNet next;
    private boolean listed;

    private SafetyNet(Object owner, TransportHandle endpoint, Runnable action) {
        super(owner, QUEUE);
        this.endpoint = endpoint;
        this.action = action;
    }

    /**
     * A registration that closes {@code endpoint} once {@code owner} is unreachable, not listed yet: it does nothing
     * (and {@link #clean()} does not close the endpoint) until {@link #list()} or {@link #listAll} lists it.
     */
    static SafetyNet unlisted(Object owner, TransportHandle endpoint) {
        return new SafetyNet(owner, endpoint, null);
    }

    /** Registers {@code action} to run once {@code owner} is unreachable, unless {@link #clean()} ran it before. */
    static SafetyNet register(Object owner, Runnable action) {
        SafetyNet net = new SafetyNet(owner, null, action);
        net.list();
        return net;
    }

    /** Lists the registrations of the first {@code count} cores under one acquisition of the lock. */
    static void listAll(HandleCore[] cores, int count) {
        synchronized (LOCK) {
            for (int i = 0; i < count; i++) {
                cores[i].net().link();
            }
        }
    }

    /** Lists a registration made by {@link #unlisted}. */
    void list() {
        synchronized (LOCK) {
            link();
        }
    }

    /** Runs the release now, unless it ran before (or the registration was never listed); later calls do nothing. */
    @Override
    public void clean() {
        if (unlink()) {
            release();
        }
    }

    private void release() {
        if (endpoint != null) {
            endpoint.close();
        } else {
            action.run();
        }
    }

    private void link() {
        next = head;
        if (head != null) {
            head.previous = this;
        }
        head = this;
        listed = true;
    }

    /** Takes this registration off the list; false if it was not on it. */
    private boolean unlink() {
        synchronized (LOCK) {
            if (!listed) {
                return false;
            }
            listed = false;
            if (previous != null) {
                previous.next = next;
            } else {
                head = next;
            }
            if (next != null) {
                next.previous = previous;
            }
            previous = null;
            next = null;
            return true;
        }
    }

    /** The daemon thread's loop: releases what the garbage collector found unreachable and not closed. */
    private static void releaseUnreachable() {
        while (true) {
            try {
                ((SafetyNet) QUEUE.remove()).clean();
            } catch (Throwable e) {
                // Neither an interrupt nor a failing release may stop the net; a release must not throw anyway
                // (TransportHandle.close never does), as with a Cleaner, whose thread ignores them too.
            }
        }
    }
}
