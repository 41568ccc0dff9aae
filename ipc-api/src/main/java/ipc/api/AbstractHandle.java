package ipc.api;

/**
 * What every handle type shares: the {@link HandleCore} behind it, {@link #isOpen()} and {@link #close()}. Views
 * made with {@code toOpaque()} or {@code to(...)} are handles over the same core.
 */
abstract class AbstractHandle implements AutoCloseable {

    final HandleCore core;

    AbstractHandle(HandleCore core) {
        this.core = core;
    }

    /**
     * Whether this handle, and every view sharing its OS handle, is still open.
     *
     * @return false once any of them was closed
     */
    public final boolean isOpen() {
        return core.isOpen();
    }

    /**
     * Closes this handle and every view sharing its OS handle ({@code toOpaque()}, {@code to(...)}); a thread
     * blocked in a receive on it wakes and throws {@link IpcDisconnectedException}. Independent handles made with
     * {@code duplicate()} stay open. Idempotent; never throws.
     */
    @Override
    public final void close() {
        core.close();
    }

    final HandleCore core() {
        return core;
    }
}
