package ipc.transport.linux.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Leak checks for tests: counts the entries of {@code /proc/self/fd}, and tells whether one descriptor is open. */
final class OpenFileDescriptors {

    private static final Path PROC_SELF_FD = Path.of("/proc/self/fd");

    private OpenFileDescriptors() {}

    /**
     * How many sockets, pipes, memfds and anonymous inodes (epoll, eventfd) this process has open: what the
     * transport creates. Regular files are left out, because the JVM opens jar files lazily, whenever a class is first
     * loaded from one, which would make a leak check fail for nothing. The listing's own descriptor is counted every
     * time alike.
     */
    static long count() {
        return describe().values().stream().filter(OpenFileDescriptors::isTransportObject).count();
    }

    private static boolean isTransportObject(String target) {
        return !target.startsWith("/") || target.startsWith("/memfd:");
    }

    /** What each open descriptor refers to, for diagnosing a leak. */
    static java.util.Map<String, String> describe() {
        java.util.Map<String, String> targets = new java.util.TreeMap<>();
        try (Stream<Path> entries = Files.list(PROC_SELF_FD)) {
            entries.forEach(entry -> {
                try {
                    targets.put(entry.getFileName().toString(), Files.readSymbolicLink(entry).toString());
                } catch (IOException e) {
                    targets.put(entry.getFileName().toString(), "?");
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return targets;
    }

    /** Whether {@code fd} is an open descriptor of this process. */
    static boolean isOpen(int fd) {
        return Native.libc().fcntl(fd, Linux.F_GETFD, 0) >= 0;
    }
}
