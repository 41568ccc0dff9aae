package ipc.transport.linux.internal;

import ipc.api.spi.TransportHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * Owns one file descriptor and closes it exactly once, never while a system call on it is in flight: a thread
 * brackets every call with {@link #tryAcquire()} and {@link #release()}, and {@link #close()} only marks the handle
 * closed while calls are in flight; the last one to finish closes the descriptor. So a descriptor number is never
 * reused under a call that still uses it.
 *
 * <h2>Thread safety</h2>
 * Thread-safe.
 */
public abstract class FdHandle implements TransportHandle {

    private static final int CLOSED = 1;
    private static final int ONE_USE = 2;
    /** Atomic access to {@link #state}, a field of the handle rather than an object of its own. */
    private static final VarHandle STATE;

    static {
        try {
            STATE = MethodHandles.lookup().findVarHandle(FdHandle.class, "state", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private final int fd;
    /** Bit 0: closed; the rest: calls in flight times two. Changed through {@link #STATE} only. */
    private volatile int state;

    /**
     * Takes ownership of {@code fd}.
     *
     * @param fd an open descriptor, owned by no one else from now on
     */
    protected FdHandle(int fd) {
        if (fd < 0) {
            throw new IllegalArgumentException("Not a file descriptor: " + fd);
        }
        this.fd = fd;
    }

    /** The descriptor number, for calls made between {@link #tryAcquire()} and {@link #release()}. */
    public final int fd() {
        return fd;
    }

    /**
     * Registers a call in flight.
     *
     * @return false if the handle is closed (then nothing is registered)
     */
    public final boolean tryAcquire() {
        while (true) {
            int current = state;
            if ((current & CLOSED) != 0) {
                return false;
            }
            if (STATE.compareAndSet(this, current, current + ONE_USE)) {
                return true;
            }
        }
    }

    /** Ends a call registered by {@link #tryAcquire()}; closes the descriptor if the handle was closed meanwhile. */
    public final void release() {
        int after = (int) STATE.getAndAdd(this, -ONE_USE) - ONE_USE;
        if (after == CLOSED) {
            destroy();
        }
    }

    /** The calls in flight right now (registered by {@link #tryAcquire()}, not yet released); for diagnostics. */
    final int callsInFlight() {
        return state >>> 1;
    }

    @Override
    public final boolean isOpen() {
        return (state & CLOSED) == 0;
    }

    /**
     * Closes the handle: at once if no call is in flight, else when the last one ends. Before that, {@link #wake()}
     * lets a subclass interrupt calls that would otherwise block. Idempotent.
     */
    @Override
    public final void close() {
        while (true) {
            int current = state;
            if ((current & CLOSED) != 0) {
                return;
            }
            if (current == 0) {
                if (STATE.compareAndSet(this, 0, CLOSED)) {
                    destroy();
                    return;
                }
            } else if (STATE.compareAndSet(this, current, (current + ONE_USE) | CLOSED)) {
                // Hold a use of our own around wake(), so the descriptor cannot be closed under it by the
                // in-flight call finishing meanwhile; the last release() closes it.
                try {
                    wake();
                } finally {
                    release();
                }
                return;
            }
        }
    }

    /** Called once when the handle is closed while calls are in flight; should make blocked calls return soon. */
    protected void wake() {}

    /** Called once after the descriptor is closed, to free native memory and the like. */
    protected void freeResources() {}

    private void destroy() {
        Native.libc().close(fd);
        freeResources();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[fd=" + fd + (isOpen() ? "" : ", closed") + "]";
    }
}
