package ipc.transport.linux.internal;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Closes a native resource exactly once and never under a call still using it: callers bracket each use with
 * {@link #tryAcquire()} and {@link #release()}; {@link #close()} marks the resource closed, runs the wake-up action
 * while holding a use itself (so the wake-up never touches a descriptor that is already closed or reused), and the
 * last use to end runs the destroy action.
 *
 * <p>For objects that are not transferable handles (receiver sets, one-shot servers); transferable handles use
 * {@link FdHandle}.
 *
 * <h2>Thread safety</h2>
 * Thread-safe.
 */
final class CloseGuard {

    private static final int CLOSED = 1;
    private static final int ONE_USE = 2;

    private final Runnable wake;
    private final Runnable destroy;
    /** Bit 0: closed; the rest: uses in flight times two. */
    private final AtomicInteger state = new AtomicInteger();

    /**
     * @param wake makes blocked uses return soon; runs once, only if {@link #close()} finds the guard open
     * @param destroy releases the resource; runs once, after close and after the last use
     */
    CloseGuard(Runnable wake, Runnable destroy) {
        this.wake = wake;
        this.destroy = destroy;
    }

    /** Registers a use; false if closed (then nothing is registered). */
    boolean tryAcquire() {
        while (true) {
            int current = state.get();
            if ((current & CLOSED) != 0) {
                return false;
            }
            if (state.compareAndSet(current, current + ONE_USE)) {
                return true;
            }
        }
    }

    /** Ends a use; destroys the resource if it was closed meanwhile and this was the last use. */
    void release() {
        if (state.addAndGet(-ONE_USE) == CLOSED) {
            destroy.run();
        }
    }

    /** Whether a use is in flight; for tests and diagnostics. */
    boolean inUse() {
        return state.get() >= ONE_USE;
    }

    /** Whether {@link #close()} has not been called. */
    boolean isOpen() {
        return (state.get() & CLOSED) == 0;
    }

    /** Marks closed, wakes blocked uses, and destroys once no use is left. Idempotent; may be called in a use. */
    void close() {
        if (!tryAcquire()) {
            return;
        }
        try {
            int before = state.getAndUpdate(current -> current | CLOSED);
            if ((before & CLOSED) == 0) {
                wake.run();
            }
        } finally {
            release();
        }
    }
}
