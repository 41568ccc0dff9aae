package ipc.serde.testsupport;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.lang.management.ManagementFactory;
import java.util.function.Supplier;

/** Counting the bytes a thread allocates, to prove that a declared length is never allocated. */
public final class Allocations {

    private Allocations() {}

    /**
     * The JVM's per-thread allocation counter; skips the calling test (an assumption) where the JVM has none.
     *
     * @return the counter, whose {@code getCurrentThreadAllocatedBytes()} is enabled and supported
     */
    public static com.sun.management.ThreadMXBean allocationCounter() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean counter
                && counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled(),
                "this JVM counts allocated bytes per thread");
        return (com.sun.management.ThreadMXBean) threads;
    }

    /**
     * What an action returned, and how many bytes the calling thread allocated while it ran.
     *
     * @param <T> the result type
     * @param result what the action returned
     * @param allocatedBytes the bytes the calling thread allocated during the measured run
     */
    public record Measured<T>(T result, long allocatedBytes) {}

    /**
     * Runs {@code action} once to warm up caches, then again while counting the bytes this thread allocates; skips
     * the calling test (an assumption) where the JVM cannot count.
     *
     * @param <T> the result type
     * @param action the action, run twice
     * @return the second run's result and allocation
     */
    public static <T> Measured<T> afterWarmUp(Supplier<T> action) {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        action.get();
        long before = threads.getCurrentThreadAllocatedBytes();
        T result = action.get();
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        return new Measured<>(result, allocated);
    }
}
