package ipc.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.spi.TransportHandle;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The safety net of handle cores (and of servers and sets): an explicit close releases at once and once, a core or
 * owner that becomes unreachable unclosed is released by the net's thread, and a closed one is never released again.
 */
class SafetyNetTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    /** A transport handle that counts its closes and the threads they ran on. */
    private static final class CountingHandle implements TransportHandle {
        final AtomicInteger closes = new AtomicInteger();
        volatile String closedOn;

        @Override
        public Kind kind() {
            return Kind.SENDER;
        }

        @Override
        public boolean isOpen() {
            return closes.get() == 0;
        }

        @Override
        public void close() {
            closedOn = Thread.currentThread().getName();
            closes.incrementAndGet();
        }
    }

    @Test
    void closingACoreReleasesItsHandleOnceAndAtOnce() {
        CountingHandle handle = new CountingHandle();
        HandleCore core = new HandleCore(handle);
        assertTrue(core.isOpen(), "open before close");
        core.close();
        core.close();
        assertEquals(1, handle.closes.get(), "closed once, by the first close()");
        assertEquals(Thread.currentThread().getName(), handle.closedOn, "closed by the caller");
        assertFalse(core.isOpen(), "closed");
    }

    @Test
    void theCoresOfAMessageAreReleasedOneByOne() {
        List<CountingHandle> handles = List.of(new CountingHandle(), new CountingHandle(), new CountingHandle());
        List<HandleCore> cores = HandleCore.wrapAll(new ArrayList<>(handles));
        assertEquals(3, cores.size(), "one core per handle");
        cores.get(1).close();
        assertEquals(List.of(0, 1, 0), closes(handles), "only the closed core's handle");
        HandleCore.closeAll(cores);
        assertEquals(List.of(1, 1, 1), closes(handles), "each once");
        assertEquals(List.of(), HandleCore.wrapAll(List.of()), "a message without handles");
    }

    @Test
    void unreachableCoresAreReleasedByTheNetsThreadAndClosedOnesNeverAgain() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<CountingHandle> dropped = List.of(new CountingHandle(), new CountingHandle());
            CountingHandle closed = new CountingHandle();
            List<HandleCore> cores = HandleCore.wrapAll(List.of(dropped.get(0), closed, dropped.get(1)));
            cores.get(1).close();
            cores = null; // every core unreachable: two of them unclosed
            while (dropped.stream().anyMatch(CountingHandle::isOpen)) {
                System.gc(); // polling by nature: the collector decides when the cores are found unreachable
                Thread.sleep(10);
            }
            for (CountingHandle handle : dropped) {
                assertEquals(1, handle.closes.get(), "released once");
                assertEquals(SafetyNet.THREAD_NAME, handle.closedOn, "by the net's thread");
            }
            System.gc();
            Thread.sleep(100);
            assertEquals(1, closed.closes.get(), "the closed core is not released again");
        });
    }

    @Test
    void otherOwnersAreReleasedWhenUnreachableUnlessCleaned() {
        assertTimeoutPreemptively(LIMIT, () -> {
            AtomicInteger released = new AtomicInteger();
            AtomicInteger cleaned = new AtomicInteger();
            HandleCore.register(new Object(), released::incrementAndGet);
            Object kept = new Object();
            java.lang.ref.Cleaner.Cleanable cleanable = HandleCore.register(kept, cleaned::incrementAndGet);
            cleanable.clean();
            cleanable.clean();
            assertEquals(1, cleaned.get(), "clean() runs the release once");
            while (released.get() == 0) {
                System.gc();
                Thread.sleep(10);
            }
            assertEquals(1, released.get(), "an unreachable owner's release runs once");
            java.lang.ref.Reference.reachabilityFence(kept);
        });
    }

    private static List<Integer> closes(List<CountingHandle> handles) {
        return handles.stream().map(handle -> handle.closes.get()).toList();
    }
}
