package ipc.api.internal.inprocess;

import ipc.api.spi.TransportHandle;
import java.util.concurrent.atomic.AtomicBoolean;

/** A reference to an in-process object; closing it drops the reference once. */
abstract class InProcessHandle implements TransportHandle {

    private final AtomicBoolean open = new AtomicBoolean(true);

    /** A new, independent reference to the same object: what the kernel does to a file descriptor in transit. */
    abstract InProcessHandle copyForTransfer();

    /** Drops this reference; called once. */
    abstract void release();

    @Override
    public final boolean isOpen() {
        return open.get();
    }

    @Override
    public final void close() {
        if (open.compareAndSet(true, false)) {
            release();
        }
    }
}
