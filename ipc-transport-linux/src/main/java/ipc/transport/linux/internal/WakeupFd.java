package ipc.transport.linux.internal;

import ipc.api.IpcException;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * An {@code eventfd} that a waiting thread watches next to its real descriptors (in {@code poll} or {@code epoll})
 * so that another thread can wake it: {@link #signal()} makes it readable for good (the counter is never read back;
 * a woken object is a closed one).
 *
 * <h2>Thread safety</h2>
 * {@link #signal()} is thread-safe; {@link #close()} must be called once, after the last {@link #signal()} (the
 * owner's {@link CloseGuard} ensures that).
 */
final class WakeupFd {

    private static final int COUNTER_BYTES = Long.BYTES;

    private final int fd;
    private final Pointer one;

    private WakeupFd(int fd) {
        this.fd = fd;
        this.one = Memory.allocateDirect(Native.runtime(), COUNTER_BYTES);
        this.one.putLong(0, 1L);
    }

    /**
     * Creates a non-blocking, close-on-exec eventfd.
     *
     * @return the wake-up descriptor
     * @throws IpcException if the OS refuses (out of descriptors, say)
     */
    static WakeupFd open() throws IpcException {
        int fd = Native.libc().eventfd(0, Linux.EFD_CLOEXEC | Linux.EFD_NONBLOCK);
        if (fd < 0) {
            throw Native.lastError("eventfd");
        }
        return new WakeupFd(fd);
    }

    /** The descriptor to watch for readability. */
    int fd() {
        return fd;
    }

    /** Makes the descriptor readable. Never blocks (a saturated counter is readable already). */
    void signal() {
        Native.libc().write(fd, one, COUNTER_BYTES);
    }

    /** Closes the descriptor. */
    void close() {
        Native.libc().close(fd);
    }
}
