package ipc.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Counts this process's open sockets, pipes, memfds and anonymous inodes through {@code /proc/self/fd} (Linux only).
 * Regular files are left out: the JVM opens jar files lazily as classes load, which would look like a leak.
 */
public final class FdCount {

    private FdCount() {}

    /**
     * The number of open descriptors now.
     *
     * @return the count
     * @throws IOException if {@code /proc/self/fd} cannot be listed
     */
    public static int now() throws IOException {
        try (Stream<Path> entries = Files.list(Path.of("/proc/self/fd"))) {
            return (int) entries.map(FdCount::target)
                    .filter(target -> !target.startsWith("/") || target.startsWith("/memfd:")).count();
        }
    }

    private static String target(Path entry) {
        try {
            return Files.readSymbolicLink(entry).toString();
        } catch (IOException e) {
            return "/closed"; // it went away while we listed: not ours to count
        }
    }
}
