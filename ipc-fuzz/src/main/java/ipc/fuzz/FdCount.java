package ipc.fuzz;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds descriptors this process opened since a snapshot, through {@code /proc/self/fd} (Linux only), among the kinds
 * a peer can send or the receive path opens: sockets, pipes, anonymous inodes (eventfd, epoll), memfds, and regular
 * files under the harness's scratch directory. Other regular files are left out: the JVM opens jar files lazily as
 * classes load, and the fuzzer writes its corpus, which would look like leaks.
 *
 * <p>A snapshot is the set of open descriptor numbers (one directory listing, cheap); only numbers that are new
 * afterwards are resolved ({@code readlink}), so a check costs little when nothing leaked, and names what leaked.
 *
 * <h2>Thread safety</h2>
 * Immutable snapshots; thread-safe.
 */
public final class FdCount {

    private static final File PROC_SELF_FD = new File("/proc/self/fd");

    private final Set<String> open;

    private FdCount(Set<String> open) {
        this.open = open;
    }

    /**
     * The descriptors open now.
     *
     * @return the snapshot
     */
    public static FdCount snapshot() {
        return new FdCount(new HashSet<>(Arrays.asList(list())));
    }

    /**
     * The counted descriptors open now that were not open at this snapshot, as {@code "fd -> target"}.
     *
     * @return the new descriptors, empty if none
     */
    public List<String> openedSince() {
        String scratch = RawSockets.scratchDirectory().toString();
        List<String> opened = new ArrayList<>();
        for (String fd : list()) {
            if (!open.contains(fd)) {
                String target = target(fd);
                if (!target.startsWith("/") || target.startsWith("/memfd:") || target.startsWith(scratch)) {
                    opened.add(fd + " -> " + target);
                }
            }
        }
        return opened;
    }

    private static String[] list() {
        String[] names = PROC_SELF_FD.list();
        if (names == null) {
            throw new IllegalStateException("cannot list " + PROC_SELF_FD + " (the fuzz targets need Linux)");
        }
        return names;
    }

    private static String target(String fd) {
        try {
            return Files.readSymbolicLink(PROC_SELF_FD.toPath().resolve(fd)).toString();
        } catch (IOException e) {
            return "/closed"; // it went away since we listed (the listing's own descriptor): not counted
        }
    }
}
