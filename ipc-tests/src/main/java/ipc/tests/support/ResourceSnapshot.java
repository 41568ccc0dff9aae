package ipc.tests.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What this process holds at one instant, by kind (Linux only): its open descriptors ({@code /proc/self/fd}) and its
 * mappings of the library's memfds ({@code /proc/self/maps}). Two snapshots compare equal when every kind has the
 * same count; {@link #describeGrowth(ResourceSnapshot)} names what differs, down to the descriptors that appeared.
 *
 * <h2>Descriptor kinds</h2>
 * A descriptor's kind is read from its link target: {@code socket}, {@code pipe}, {@code anon_inode:[eventfd]},
 * {@code anon_inode:[eventpoll]} (and any other anonymous inode under its own name), {@code memfd:<name>} for each
 * memfd name (the library's are {@code memfd:ipc-channel-shared-memory} for shared memory and
 * {@code memfd:ipc-channel-message} for large payloads), and {@code file} for every other path.
 *
 * <p>Files the JVM opens by itself are left out: jars, jmods and zips (opened lazily as classes load, and kept open),
 * anything under {@code java.home} (the runtime image, the CDS archive), and the control-group files under
 * {@code /sys/fs/cgroup} that its container support reads again and again from its own threads (the collector's and
 * {@code Runtime.availableProcessors()} re-read the CPU quota and memory limit, each an open, a read and a close):
 * a snapshot taken during such a read would count it and make the next comparison fail for nothing. Counting the
 * jars would report a class that happened to load first during a test as a leak. Everything else a path names,
 * devices and directories included, is counted, so a leaked {@code /proc/self/fd/N} re-open or directory descriptor
 * shows up.
 *
 * <h2>Mapping kinds</h2>
 * One kind per library memfd name, {@code map:<name>}, counting the lines of {@code /proc/self/maps} that map it.
 *
 * <h2>Thread safety</h2>
 * Immutable; thread-safe.
 */
public final class ResourceSnapshot {

    /** The prefix of the library's memfd names. */
    public static final String LIBRARY_MEMFD_PREFIX = "ipc-channel-";

    private static final Path FD_DIRECTORY = Path.of("/proc/self/fd");
    private static final Path MAPS = Path.of("/proc/self/maps");
    private static final String MEMFD = "/memfd:";
    private static final String DELETED = " (deleted)";
    private static final String CONTROL_GROUPS = "/sys/fs/cgroup";

    private final Map<String, Integer> counts;
    private final Map<String, String> descriptors;

    private ResourceSnapshot(Map<String, Integer> counts, Map<String, String> descriptors) {
        this.counts = counts;
        this.descriptors = descriptors;
    }

    /**
     * Takes a snapshot now.
     *
     * @return the snapshot
     * @throws UncheckedIOException if {@code /proc/self} cannot be read
     */
    public static ResourceSnapshot take() {
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> descriptors = new TreeMap<>();
        String javaHome = Path.of(System.getProperty("java.home")).toAbsolutePath().normalize().toString();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(FD_DIRECTORY)) {
            for (Path entry : entries) {
                String target;
                try {
                    target = Files.readSymbolicLink(entry).toString();
                } catch (NoSuchFileException e) {
                    continue; // closed while listed, such as the listing's own descriptor
                }
                String kind = kindOf(target, javaHome);
                if (kind != null) {
                    counts.merge(kind, 1, Integer::sum);
                    descriptors.put(entry.getFileName().toString(), target);
                }
            }
            for (String line : Files.readAllLines(MAPS)) {
                int memfd = line.indexOf(MEMFD + LIBRARY_MEMFD_PREFIX);
                if (memfd >= 0) {
                    counts.merge("map:" + stripDeleted(line.substring(memfd + MEMFD.length())), 1, Integer::sum);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read /proc/self", e);
        }
        return new ResourceSnapshot(Map.copyOf(counts), Map.copyOf(descriptors));
    }

    /** The kind of a descriptor with this link target, or null for a file the JVM opens by itself. */
    static String kindOf(String target, String javaHome) {
        if (target.startsWith("socket:")) {
            return "socket";
        }
        if (target.startsWith("pipe:")) {
            return "pipe";
        }
        if (target.startsWith("anon_inode:")) {
            return target;
        }
        if (target.startsWith(MEMFD)) {
            return "memfd:" + stripDeleted(target.substring(MEMFD.length()));
        }
        if (target.startsWith("/")) {
            boolean jvmOwn = target.endsWith(".jar") || target.endsWith(".jmod") || target.endsWith(".zip")
                    || target.startsWith(javaHome + "/") || target.startsWith(CONTROL_GROUPS);
            return jvmOwn ? null : "file";
        }
        return "other";
    }

    private static String stripDeleted(String name) {
        return name.endsWith(DELETED) ? name.substring(0, name.length() - DELETED.length()) : name;
    }

    /** The counts by kind: descriptor kinds, and {@code map:<name>} for mappings of the library's memfds. */
    public Map<String, Integer> counts() {
        return counts;
    }

    /** How many descriptors of every counted kind are open. */
    public int descriptorCount() {
        return descriptors.size();
    }

    /** How many lines of {@code /proc/self/maps} map one of the library's memfds. */
    public int mappingCount() {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith("map:"))
                .mapToInt(Map.Entry::getValue).sum();
    }

    /**
     * What differs from {@code baseline}: every kind whose count changed, then (at most 20 of each) the descriptors
     * open now that were not open then, and those open then that are not open now, with their targets.
     *
     * @param baseline the earlier snapshot
     * @return a text for an assertion message
     */
    public String describeGrowth(ResourceSnapshot baseline) {
        StringBuilder text = new StringBuilder();
        TreeSet<String> kinds = new TreeSet<>(counts.keySet());
        kinds.addAll(baseline.counts.keySet());
        for (String kind : kinds) {
            int before = baseline.counts.getOrDefault(kind, 0);
            int after = counts.getOrDefault(kind, 0);
            if (before != after) {
                text.append("\n  ").append(kind).append(": ").append(before).append(" -> ").append(after)
                        .append(" (").append(after > before ? "+" : "").append(after - before).append(')');
            }
        }
        appendDescriptors(text, "new descriptors", descriptors, baseline.descriptors);
        appendDescriptors(text, "descriptors gone", baseline.descriptors, descriptors);
        return text.toString();
    }

    /** Appends the descriptors of {@code these} that {@code others} does not hold under the same number. */
    private static void appendDescriptors(StringBuilder text, String title, Map<String, String> these,
            Map<String, String> others) {
        List<String> listed = new ArrayList<>();
        Map<String, String> byNumber = new TreeMap<>(Comparator.comparingInt(Integer::parseInt));
        byNumber.putAll(these);
        for (Map.Entry<String, String> entry : byNumber.entrySet()) {
            if (!entry.getValue().equals(others.get(entry.getKey()))) {
                listed.add("fd " + entry.getKey() + " -> " + entry.getValue());
            }
        }
        if (!listed.isEmpty()) {
            text.append("\n  ").append(title).append(": ").append(String.join(", ", listed.subList(0,
                    Math.min(20, listed.size())))).append(listed.size() > 20 ? ", ..." : "");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResourceSnapshot snapshot && counts.equals(snapshot.counts);
    }

    @Override
    public int hashCode() {
        return counts.hashCode();
    }

    @Override
    public String toString() {
        return "ResourceSnapshot" + new TreeMap<>(counts);
    }
}
