package ipc.soak;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;

/**
 * Samples this process's resources: open descriptors ({@code /proc/self/fd}), memfd mappings
 * ({@code /proc/self/maps}), heap in use right after a full GC, and resident set size ({@code VmRSS} of
 * {@code /proc/self/status}). It then compares a window after warm-up with the last window of the run.
 *
 * <h2>The comparison</h2>
 * The first window holds the samples taken between 25% and 45% of the run, the last window those of its last 20%.
 * Each quantity is summarised by the median of its window, which a handle or a payload that happens to be in flight
 * at one sample does not move. The run fails if a median grows by more than its tolerance, chosen well above the
 * noise of the runs we made and well below what a leak of one descriptor, mapping or small object per message (or
 * per restart) adds over a run of minutes:
 * <ul>
 *   <li>descriptors: 8, counting only those not held by a live channel end. The coordinator holds 2 * lanes + 3 per
 *       connected worker, one per worker being started (its one-shot server), and one per receiver of a reply not yet
 *       received; how many workers are connected at a sample is chance, so the raw count moves by tens (it is
 *       reported, peak and final, but not compared);</li>
 *   <li>memfd mappings: 4;</li>
 *   <li>heap after GC: 50% plus 16 MiB;</li>
 *   <li>RSS: 25% plus 64 MiB (the JIT and the collector settle late; the heap is bounded by {@code -Xmx}).</li>
 * </ul>
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; the coordinator's loop uses it.
 */
final class ResourceSampler {

    /**
     * One sample, taken {@code atNanos} after the start of the run.
     *
     * @param fds every open descriptor
     * @param channelFds how many of them the coordinator's live channel ends account for at that moment
     */
    record Sample(long atNanos, long fds, long channelFds, long memfdMappings, long heapAfterGc, long rssBytes) {
        /** The descriptors not held by a live channel end: what a leak would make grow. */
        long otherFds() {
            return fds - channelFds;
        }
    }

    /** One quantity's two windows and the verdict. */
    record Comparison(String name, String unit, long first, long last, long tolerance, long peak, long finalValue) {
        boolean flat() {
            return first >= 0 && last >= 0 && last <= first + tolerance;
        }
    }

    private static final long MIB = 1 << 20;
    private static final long SETTLE_LIMIT_NANOS = 200_000_000;
    private static final long SETTLE_STEP_MILLIS = 5;
    private final List<Sample> samples = new ArrayList<>();

    /**
     * Takes a sample after a full GC. The JDK unmaps a mapping (and its descriptor is closed) only once the GC has
     * found its buffer unreachable and the reference handler has run its cleaner, a moment after {@code System.gc()}
     * returns: the sample waits, bounded by {@link #SETTLE_LIMIT_NANOS}, until the mapping count stops falling.
     */
    void sample(long atNanos, long channelFds) throws InterruptedException {
        System.gc();
        long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        long mappings = countMemfdMappings();
        long deadline = System.nanoTime() + SETTLE_LIMIT_NANOS;
        while (mappings > 0 && System.nanoTime() < deadline) {
            Thread.sleep(SETTLE_STEP_MILLIS);
            long now = countMemfdMappings();
            if (now >= mappings) {
                break;
            }
            mappings = now;
        }
        samples.add(new Sample(atNanos, countFds(), channelFds, mappings, heap, rssBytes()));
    }

    /** How many samples were taken. */
    int size() {
        return samples.size();
    }

    /** The four comparisons, over a run of {@code runNanos}. */
    List<Comparison> compare(long runNanos) {
        List<Sample> first = window(runNanos * 25 / 100, runNanos * 45 / 100);
        List<Sample> last = window(runNanos * 80 / 100, Long.MAX_VALUE);
        List<Comparison> result = new ArrayList<>();
        result.add(compare("other descriptors", "", first, last, Sample::otherFds, base -> 8));
        result.add(compare("memfd mappings", "", first, last, Sample::memfdMappings, base -> 4));
        result.add(compare("heap after GC", "MiB", first, last, Sample::heapAfterGc, base -> base / 2 + 16 * MIB));
        result.add(compare("RSS", "MiB", first, last, Sample::rssBytes, base -> base / 4 + 64 * MIB));
        return result;
    }

    /** The highest and the last raw descriptor count. */
    long[] rawFds() {
        long peak = samples.stream().mapToLong(Sample::fds).max().orElse(-1);
        return new long[] {peak, samples.isEmpty() ? -1 : samples.get(samples.size() - 1).fds()};
    }

    private interface Tolerance {
        long of(long base);
    }

    private Comparison compare(String name, String unit, List<Sample> first, List<Sample> last,
            ToLongFunction<Sample> quantity, Tolerance tolerance) {
        long firstMedian = median(first, quantity);
        long peak = samples.stream().mapToLong(quantity).max().orElse(-1);
        long finalValue = samples.isEmpty() ? -1 : quantity.applyAsLong(samples.get(samples.size() - 1));
        return new Comparison(name, unit, firstMedian, median(last, quantity), tolerance.of(firstMedian), peak,
                finalValue);
    }

    private List<Sample> window(long fromNanos, long toNanos) {
        return samples.stream().filter(s -> s.atNanos() >= fromNanos && s.atNanos() < toNanos).toList();
    }

    private static long median(List<Sample> window, ToLongFunction<Sample> quantity) {
        long[] values = window.stream().mapToLong(quantity).sorted().toArray();
        return values.length == 0 ? -1 : values[values.length / 2];
    }

    private static long countFds() {
        long n = 0;
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(Path.of("/proc/self/fd"))) {
            for (Path ignored : fds) {
                n++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return n - 1; // the directory stream's own descriptor
    }

    private static long countMemfdMappings() {
        try {
            return Files.readAllLines(Path.of("/proc/self/maps")).stream().filter(l -> l.contains("/memfd:")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long rssBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024; // reported in kB
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        throw new IllegalStateException("no VmRSS in /proc/self/status");
    }
}
