package ipc.transport.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Leak checks for tests: counts the entries of {@code /proc/self/fd}, and tells whether one descriptor is open. */
final class OpenFileDescriptors {

    private static final Path PROC_SELF_FD = Path.of("/proc/self/fd");
    /** What {@link #describe()} shows for a descriptor closed between the listing and the reading of its link. */
    static final String GONE = "(closed while listed)";

    private OpenFileDescriptors() {}

    /**
     * How many sockets, pipes, memfds and anonymous inodes (epoll, eventfd) this process has open: what the
     * transport creates. Regular files are left out, because the JVM opens jar files lazily, whenever a class is first
     * loaded from one, which would make a leak check fail for nothing. Nor is a descriptor that was closed between
     * the listing and the reading of its link ({@link #GONE}): the listing's own, or one another thread held for a
     * moment (the JVM's container support opens and closes control-group files from its own threads at any time).
     */
    static long count() {
        return describe().values().stream().filter(OpenFileDescriptors::isTransportObject).count();
    }

    private static boolean isTransportObject(String target) {
        return !target.equals(GONE) && (!target.startsWith("/") || target.startsWith("/memfd:"));
    }

    /** What each open descriptor refers to, for diagnosing a leak. */
    static java.util.Map<String, String> describe() {
        java.util.Map<String, String> targets = new java.util.TreeMap<>();
        try (Stream<Path> entries = Files.list(PROC_SELF_FD)) {
            entries.forEach(entry -> {
                try {
                    targets.put(entry.getFileName().toString(), Files.readSymbolicLink(entry).toString());
                } catch (IOException e) {
                    targets.put(entry.getFileName().toString(), GONE);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }

    /**
     * Asserts that {@link #count()} is {@code expected}, listing every open descriptor in the failure message.
     *
     * @param what what the count is checked after, for the message
     */
    static void assertCount(long expected, String what) {
        assertEquals(expected, count(), () -> what + ": " + describe());
    }

    /** Whether {@code fd} is an open descriptor of this process. */
    static boolean isOpen(int fd) {
        return Native.libc().fcntl(fd, Linux.F_GETFD, 0) >= 0;
    }
}
