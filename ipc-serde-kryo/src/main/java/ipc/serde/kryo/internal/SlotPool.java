package ipc.serde.kryo.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The slots of one codec kept for reuse: up to a fixed number, in an array that a call takes from or gives back to
 * with one atomic operation when it is not contended. A call that finds no slot makes a new one; a slot given back
 * to a full pool is dropped. (Kryo's own thread-safe {@code Pool} is a {@code LinkedBlockingQueue}: two locks, a
 * node per return and signalling, several times the cost of a whole small message on one thread.)
 *
 * <h2>Thread safety</h2>
 * Thread-safe; a slot is handed to one thread at a time, and what a thread did to it is visible to the next.
 */
final class SlotPool {

    private final AtomicReferenceArray<Slot> slots;
    private final Supplier<Slot> factory;

    /**
     * @param capacity the most slots kept
     * @param factory makes a slot when none is free
     */
    SlotPool(int capacity, Supplier<Slot> factory) {
        this.slots = new AtomicReferenceArray<>(capacity);
        this.factory = factory;
    }

    /** A free slot, or a new one. */
    Slot obtain() {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                Slot slot = slots.getAndSet(i, null);
                if (slot != null) {
                    return slot;
                }
            }
        }
        return factory.get();
    }

    /** Gives {@code slot} back for reuse, or drops it if the pool is full. */
    void free(Slot slot) {
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) == null && slots.compareAndSet(i, null, slot)) {
                return;
            }
        }
    }
}
