package ipc.tests.support;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;

/**
 * Runs a round of work many times and asserts that this process holds exactly the descriptors and memfd mappings
 * it held before ({@link ResourceSnapshot}): a leak of one descriptor per round shows as a growth of the round
 * count.
 *
 * <p>Warm-up rounds run first and are not measured, so that what the JVM and the library create once and keep
 * (loaded jars, the native-message pool, a lazily opened random source, an epoll of a global router) is part of
 * the baseline and not of the growth.
 *
 * <h2>Mappings</h2>
 * Most resources are released by {@code close()} itself and are compared at once, without any waiting
 * ({@link Release#AT_ONCE}). A shared-memory region's read-only mapping is released by the JDK when the last
 * buffer over it becomes unreachable, which only a garbage collection can tell: with {@link Release#MAPPINGS_BY_GC}
 * descriptors are still compared at once, and mappings after collecting until they are back to the baseline,
 * within {@link #GC_PATIENCE}. {@link Release#ALL_BY_GC} waits the same way for everything, for handles that are
 * dropped without {@code close()} and left to their {@code Cleaner}.
 *
 * <h2>Thread safety</h2>
 * Stateless; each call measures the whole process, so leak tests must not run concurrently with other tests.
 */
public final class LeakCheck {

    /** How long mappings may take to go after their buffers became garbage. */
    public static final Duration GC_PATIENCE = Duration.ofSeconds(20);

    /** When the resources of a round are released. */
    public enum Release {
        /** Everything by {@code close()}: compared at once. */
        AT_ONCE,
        /** Descriptors by {@code close()}, mappings of shared memory once their buffers are collected. */
        MAPPINGS_BY_GC,
        /** Nothing is closed: the handles' {@code Cleaner} releases everything once they are collected. */
        ALL_BY_GC
    }

    /** One round of work; it must close everything it opens. */
    @FunctionalInterface
    public interface Round {
        /**
         * Runs round {@code index}.
         *
         * @param index the round number, from 0 (warm-up rounds count from 0 too)
         * @throws Exception on any failure, which fails the test
         */
        void run(int index) throws Exception;
    }

    private LeakCheck() {}

    /**
     * Runs {@code warmUps} rounds, takes a baseline, runs {@code rounds} rounds and asserts that every kind of
     * descriptor and mapping is back to the baseline.
     *
     * @param what what the rounds do, for the assertion message
     * @param warmUps rounds before the baseline
     * @param rounds measured rounds
     * @param release when the rounds' resources are released
     * @param round the work
     * @throws Exception if a round fails
     */
    public static void assertNoGrowth(String what, int warmUps, int rounds, Release release, Round round)
            throws Exception {
        for (int i = 0; i < warmUps; i++) {
            round.run(i);
        }
        ResourceSnapshot baseline = baseline(release);
        for (int i = 0; i < rounds; i++) {
            round.run(i);
        }
        assertBackTo(baseline, rounds + " rounds of " + what, release);
    }

    /**
     * A snapshot to compare against. Unless {@link Release#AT_ONCE}, first collects until no mapping of the
     * library's memfds is left (with {@link Release#ALL_BY_GC}: and until a collection changes nothing), or
     * {@link #GC_PATIENCE} passed, so that what the warm-up left as garbage does not count.
     *
     * @param release when the measured work releases its resources
     * @return the baseline
     * @throws InterruptedException if interrupted while waiting for a collection
     */
    public static ResourceSnapshot baseline(Release release) throws InterruptedException {
        if (release == Release.AT_ONCE) {
            return ResourceSnapshot.take();
        }
        long deadline = System.nanoTime() + GC_PATIENCE.toNanos();
        ResourceSnapshot previous = null;
        ResourceSnapshot snapshot = ResourceSnapshot.take();
        // With ALL_BY_GC, also until a collection changes nothing more: the warm-up's dropped handles are gone.
        while ((snapshot.mappingCount() > 0 || release == Release.ALL_BY_GC && !snapshot.equals(previous))
                && System.nanoTime() < deadline) {
            collect();
            previous = snapshot;
            snapshot = ResourceSnapshot.take();
        }
        return snapshot;
    }

    /**
     * Asserts that every kind of descriptor and mapping has its count of {@code baseline}; with
     * {@link Release#MAPPINGS_BY_GC}, mappings get {@link #GC_PATIENCE} of collections to get there, with
     * {@link Release#ALL_BY_GC} everything.
     *
     * @param baseline the snapshot before the work
     * @param what the work, for the assertion message
     * @param release when the work releases its resources
     * @throws InterruptedException if interrupted while waiting for a collection
     */
    public static void assertBackTo(ResourceSnapshot baseline, String what, Release release)
            throws InterruptedException {
        assertBackTo(baseline, what, release, GC_PATIENCE);
    }

    /**
     * {@link #assertBackTo(ResourceSnapshot, String, Release)} with another patience for mappings.
     *
     * @param baseline the snapshot before the work
     * @param what the work, for the assertion message
     * @param release when the work releases its resources
     * @param patience how long collected resources may take to go (all but {@link Release#AT_ONCE})
     * @throws InterruptedException if interrupted while waiting for a collection
     */
    public static void assertBackTo(ResourceSnapshot baseline, String what, Release release, Duration patience)
            throws InterruptedException {
        ResourceSnapshot after = ResourceSnapshot.take();
        if (release != Release.AT_ONCE) {
            long deadline = System.nanoTime() + patience.toNanos();
            while (!settled(after, baseline, release) && System.nanoTime() < deadline) {
                collect();
                after = ResourceSnapshot.take();
            }
        }
        if (!after.equals(baseline)) {
            fail(what + " changed what this process holds (before " + baseline + ", after " + after + "):"
                    + after.describeGrowth(baseline));
        }
    }

    private static boolean settled(ResourceSnapshot after, ResourceSnapshot baseline, Release release) {
        return release == Release.ALL_BY_GC ? after.equals(baseline)
                : after.mappingCount() == baseline.mappingCount();
    }

    /** One collection, and a pause for the JDK's cleaner thread to unmap what became unreachable. */
    private static void collect() throws InterruptedException {
        System.gc();
        Thread.sleep(20);
    }
}
