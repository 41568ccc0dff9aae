package ipc.serde.kryo.internal;

import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Supplier;

/**
 * The idle {@link Slot}s of one codec (a Kryo instance and its buffers each, not thread-safe): a call takes one for
 * itself and gives it back. At most {@code capacity} are kept; a call that finds none idle makes a new one, and one
 * given back to a full pool is dropped.
 *
 * <p>Replaces Kryo's thread-safe {@code Pool} (a {@code LinkedBlockingQueue}): that takes a lock and allocates a
 * queue node on every return, about 80 ns for a take and a return on this project's benchmark machine
 * ({@code PoolProbeTest}), paid twice per message (encode and decode). Here each is one atomic operation on a slot
 * of an array, and threads start at different slots.
 *
 * <h2>Thread safety</h2>
 * Thread-safe and lock-free; a slot is handed to one caller at a time.
 */
final class SlotPool {

    /** A null entry is free. */
    private final AtomicReferenceArray<Slot> idle;
    private final Supplier<Slot> factory;

    /**
     * @param capacity the most idle slots kept
     * @param factory makes a slot when none is idle
     */
    SlotPool(int capacity, Supplier<Slot> factory) {
        this.idle = new AtomicReferenceArray<>(capacity);
        this.factory = factory;
    }

    /** An idle slot, or a new one if there is none; the caller has it to itself until {@link #free}. */
    Slot obtain() {
        int capacity = idle.length();
        int start = start(capacity);
        for (int i = 0; i < capacity; i++) {
            int at = (start + i) % capacity;
            if (idle.getPlain(at) != null) {
                Slot slot = idle.getAndSet(at, null);
                if (slot != null) {
                    return slot;
                }
            }
        }
        return factory.get();
    }

    /** Gives {@code slot} back (it must not be used afterwards); dropped if the pool is full. */
    void free(Slot slot) {
        int capacity = idle.length();
        int start = start(capacity);
        for (int i = 0; i < capacity; i++) {
            int at = (start + i) % capacity;
            if (idle.getPlain(at) == null && idle.compareAndSet(at, null, slot)) {
                return;
            }
        }
    }

    /** How many slots are idle now; for tests. */
    int idleCount() {
        int count = 0;
        for (int i = 0; i < idle.length(); i++) {
            if (idle.get(i) != null) {
                count++;
            }
        }
        return count;
    }

    /** Spreads threads over the entries so that concurrent threads rarely touch the same one. */
    private static int start(int capacity) {
        return (int) (Thread.currentThread().getId() % capacity);
    }
}
