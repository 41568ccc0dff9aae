package ipc.serde.kryo.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The codec's pool of Kryo slots: reuse, its bound, and one holder per slot at a time. */
class SlotPoolTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final AtomicInteger made = new AtomicInteger();

    private Slot newSlot() {
        made.incrementAndGet();
        return new Slot(null); // the pool never looks inside a slot
    }

    @Test
    void anEmptyPoolMakesASlotAndAFreedOneIsReused() {
        SlotPool pool = new SlotPool(4, this::newSlot);
        Slot first = pool.obtain();
        assertEquals(1, made.get(), "an empty pool makes a slot");
        pool.free(first);
        assertSame(first, pool.obtain(), "the freed slot comes back");
        assertEquals(1, made.get(), "nothing new was made for it");
        assertNotSame(first, pool.obtain(), "while it is taken, another caller gets a new slot");
        assertEquals(2, made.get());
    }

    @Test
    void keepsAtMostItsCapacity() {
        SlotPool pool = new SlotPool(2, this::newSlot);
        List<Slot> slots = List.of(pool.obtain(), pool.obtain(), pool.obtain());
        slots.forEach(pool::free);
        assertEquals(2, pool.idleCount(), "the third freed slot is dropped");
        for (int i = 0; i < 3; i++) {
            pool.obtain();
        }
        assertEquals(4, made.get(), "two taken from the pool, the third made anew");
    }

    @Test
    void aSlotHasOneHolderAtATime() throws Exception {
        int threads = 4;
        int rounds = 20_000;
        SlotPool pool = new SlotPool(2, this::newSlot);
        Map<Slot, Thread> holders = new ConcurrentHashMap<>();
        ExecutorService executor = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                results.add(executor.submit(() -> {
                    int clashes = 0;
                    for (int i = 0; i < rounds; i++) {
                        Slot slot = pool.obtain();
                        if (holders.putIfAbsent(slot, Thread.currentThread()) != null) {
                            clashes++;
                            continue; // not freed: the other holder frees it
                        }
                        Thread.onSpinWait();
                        holders.remove(slot);
                        pool.free(slot);
                    }
                    return clashes;
                }));
            }
            assertTimeoutPreemptively(TIMEOUT, () -> {
                for (Future<Integer> result : results) {
                    assertEquals(0, result.get(), "no slot was handed to two threads at once");
                }
            });
        } finally {
            executor.shutdownNow();
        }
        assertEquals(2, pool.idleCount(), "the pool ends full: every slot went back or was dropped");
    }
}
