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
 * <p>A snapshot is the set of open descriptor numbers (one directory listing and an {@code fcntl} per descriptor,
 * cheap); only numbers that are new afterwards are resolved ({@code readlink}), so a check costs little when nothing
 * leaked, and names what leaked. A number closed and reused in between by a descriptor of the JVM's is not seen.
 *
 * <h2>Thread safety</h2>
 * Immutable snapshots; thread-safe.
 */
public final class FdCount {

    private static final File PROC_SELF_FD = new File("/proc/self/fd");
    private static final int F_GETFD = 1;

    static {
        // Loads the libc binding and makes the scratch directory now: loading opens a descriptor of its own, which
        // must not show up as opened by the first input.
        RawSockets.scratchDirectory();
    }

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
        Set<String> open = new HashSet<>(Arrays.asList(list()));
        // The listing's own descriptor is closed again, and its number is the first a new descriptor gets: leave it
        // out, or a descriptor opened (and leaked) under that number would go unnoticed.
        open.removeIf(fd -> RawSockets.libc().fcntl(Integer.parseInt(fd), F_GETFD, 0) < 0);
        return new FdCount(open);
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
