package ipc.tests.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Counts this process's open file descriptors through {@code /proc/self/fd} (Linux only). */
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
            return (int) entries.count() - 1; // the directory stream's own descriptor
        }
    }
}
