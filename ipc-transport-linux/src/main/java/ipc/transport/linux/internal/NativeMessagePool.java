package ipc.transport.linux.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The idle {@link NativeMessage} blocks: at most {@link #LIMIT}, kept for reuse. Blocks beyond that (while more
 * threads than that send or receive at once) are dropped when given back, and their native memory is freed with
 * them by the garbage collector.
 *
 * <h2>Thread safety</h2>
 * Thread-safe and lock-free: taking or giving back a block is one atomic operation on a slot, and threads start at
 * different slots.
 */
final class NativeMessagePool {

    /** Idle blocks kept: twice the processors, at least four. */
    static final int LIMIT = Math.max(4, 2 * Runtime.getRuntime().availableProcessors());
    /** A null slot is free. */
    private static final AtomicReferenceArray<NativeMessage> SLOTS = new AtomicReferenceArray<>(LIMIT);

    private NativeMessagePool() {}

    /** An idle block, or null if there is none. */
    static NativeMessage poll() {
        int start = startSlot();
        for (int i = 0; i < LIMIT; i++) {
            int slot = (start + i) % LIMIT;
            if (SLOTS.getPlain(slot) != null) {
                NativeMessage message = SLOTS.getAndSet(slot, null);
                if (message != null) {
                    return message;
                }
            }
        }
        return null;
    }

    /** Keeps {@code message} for reuse if a slot is free. */
    static void offer(NativeMessage message) {
        int start = startSlot();
        for (int i = 0; i < LIMIT; i++) {
            int slot = (start + i) % LIMIT;
            if (SLOTS.getPlain(slot) == null && SLOTS.compareAndSet(slot, null, message)) {
                return;
            }
        }
    }

    /** Spreads threads over the slots so that concurrent threads rarely touch the same one. */
    private static int startSlot() {
        return (int) (Thread.currentThread().getId() % LIMIT);
    }
}
