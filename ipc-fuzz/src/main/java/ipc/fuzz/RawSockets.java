package ipc.fuzz;

import ipc.transport.linux.ffi.LibC;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jnr.ffi.LibraryLoader;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * What a hostile peer does with raw libc calls: socket pairs, pipes, eventfds, memfds (sealed or not), a regular
 * file, and {@code sendmsg} of any bytes with any descriptors attached ({@code SCM_RIGHTS}). Uses the transport's
 * exported {@link LibC} binding, plus {@code open(2)}, which it lacks.
 *
 * <p>Layouts are Linux's on 64-bit targets (x86_64, aarch64): {@code struct msghdr} of 56 bytes with
 * {@code size_t} lengths, {@code struct cmsghdr} of 16 bytes before its data.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 */
public final class RawSockets {

    /** {@code open(2)}, which the transport's binding does not need. Exported for jnr-ffi, not API. */
    public interface Open {
        /**
         * {@code open(2)}.
         *
         * @param path the file
         * @param flags {@code O_*} flags
         * @return the descriptor, or -1
         */
        int open(String path, int flags);
    }

    static final int AF_UNIX = 1;
    static final int SOCK_STREAM = 1;
    static final int SOCK_DGRAM = 2;
    static final int SOCK_SEQPACKET = 5;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int SOL_SOCKET = 1;
    static final int SCM_RIGHTS = 1;
    static final int MSG_DONTWAIT = 0x40;
    static final int MSG_NOSIGNAL = 0x4000;
    static final int O_RDONLY = 0;
    static final int O_CLOEXEC = 0x80000;
    static final int MFD_CLOEXEC = 0x1;
    static final int MFD_ALLOW_SEALING = 0x2;
    static final int F_ADD_SEALS = 1033;
    static final int F_SEAL_SEAL = 0x1;
    static final int F_SEAL_SHRINK = 0x2;
    static final int F_SEAL_GROW = 0x4;
    static final int F_SEAL_WRITE = 0x8;
    static final int EFD_CLOEXEC = 0x80000;
    static final int F_DUPFD_CLOEXEC = 1030;

    private static final int MSGHDR_SIZE = 56;
    private static final int MSGHDR_IOV = 16;
    private static final int MSGHDR_IOVLEN = 24;
    private static final int MSGHDR_CONTROL = 32;
    private static final int MSGHDR_CONTROLLEN = 40;
    private static final int IOVEC_SIZE = 16;
    private static final int IOVEC_LEN = 8;
    private static final int CMSGHDR_SIZE = 16;
    private static final int CMSGHDR_LEVEL = 8;
    private static final int CMSGHDR_TYPE = 12;
    private static final int CMSG_ALIGNMENT = 8;
    private static final int FD_BYTES = Integer.BYTES;

    private static final class Holder {
        static final LibC LIBC = LibraryLoader.create(LibC.class).load("c");
        static final Open OPEN = LibraryLoader.create(Open.class).load("c");
        static final Path SCRATCH = createScratch();
    }

    private RawSockets() {}

    /** The libc binding. */
    static LibC libc() {
        return Holder.LIBC;
    }

    /**
     * The harness's scratch directory (a fresh temporary directory of this JVM), where the regular file a forged
     * datagram may carry lives.
     *
     * @return the directory
     */
    public static Path scratchDirectory() {
        return Holder.SCRATCH;
    }

    /**
     * A new {@code AF_UNIX} socket pair.
     *
     * @param type {@link #SOCK_SEQPACKET}, {@link #SOCK_STREAM} or {@link #SOCK_DGRAM}
     * @return both ends
     */
    public static int[] socketPair(int type) {
        int[] fds = new int[2];
        check(libc().socketpair(AF_UNIX, type | SOCK_CLOEXEC, 0, fds), "socketpair");
        return fds;
    }

    /**
     * A new {@code SOCK_SEQPACKET} socket pair, what a channel is.
     *
     * @return both ends
     */
    public static int[] seqpacketPair() {
        return socketPair(SOCK_SEQPACKET);
    }

    /**
     * Sends one datagram without waiting ({@code MSG_DONTWAIT | MSG_NOSIGNAL}).
     *
     * @param socket the sending socket
     * @param data the datagram's bytes
     * @param fds descriptors to attach (none if empty)
     * @return whether the kernel took it (it refuses too large a datagram, or a full socket)
     */
    public static boolean send(int socket, byte[] data, int[] fds) {
        Runtime runtime = Runtime.getRuntime(libc());
        Pointer payload = Memory.allocateDirect(runtime, Math.max(1, data.length));
        payload.put(0, data, 0, data.length);
        Pointer iov = Memory.allocateDirect(runtime, IOVEC_SIZE);
        iov.putAddress(0, payload.address());
        iov.putLong(IOVEC_LEN, data.length);
        Pointer message = Memory.allocateDirect(runtime, MSGHDR_SIZE, true);
        message.putAddress(MSGHDR_IOV, iov.address());
        message.putLong(MSGHDR_IOVLEN, 1);
        Pointer control = null;
        if (fds.length > 0) {
            int controlLength = CMSGHDR_SIZE + align(FD_BYTES * fds.length);
            control = Memory.allocateDirect(runtime, controlLength, true);
            control.putLong(0, CMSGHDR_SIZE + (long) FD_BYTES * fds.length);
            control.putInt(CMSGHDR_LEVEL, SOL_SOCKET);
            control.putInt(CMSGHDR_TYPE, SCM_RIGHTS);
            for (int i = 0; i < fds.length; i++) {
                control.putInt(CMSGHDR_SIZE + (long) FD_BYTES * i, fds[i]);
            }
            message.putAddress(MSGHDR_CONTROL, control.address());
            message.putLong(MSGHDR_CONTROLLEN, controlLength);
        }
        long sent = libc().sendmsg(socket, message, MSG_DONTWAIT | MSG_NOSIGNAL);
        // Keep the native buffers reachable until sendmsg returned.
        java.lang.ref.Reference.reachabilityFence(payload);
        java.lang.ref.Reference.reachabilityFence(iov);
        java.lang.ref.Reference.reachabilityFence(control);
        return sent >= 0;
    }

    /**
     * A new pipe.
     *
     * @return the reading end, then the writing end
     */
    public static int[] pipe() {
        int[] fds = new int[2];
        check(libc().pipe2(fds, O_CLOEXEC), "pipe2");
        return fds;
    }

    /**
     * A new eventfd.
     *
     * @return its descriptor
     */
    public static int eventfd() {
        return check(libc().eventfd(0, EFD_CLOEXEC), "eventfd");
    }

    /**
     * A new memfd of {@code size} zero bytes.
     *
     * @param size its size
     * @param seals the seals to add ({@code F_SEAL_*}), or 0 for none
     * @return its descriptor
     */
    public static int memfd(int size, int seals) {
        int fd = check(libc().memfd_create("ipc-fuzz", MFD_CLOEXEC | MFD_ALLOW_SEALING), "memfd_create");
        if (libc().ftruncate(fd, size) < 0 || (seals != 0 && libc().fcntl(fd, F_ADD_SEALS, seals) < 0)) {
            close(fd);
            throw new IllegalStateException("cannot size or seal a memfd");
        }
        return fd;
    }

    /**
     * A memfd sealed the way the transport seals one: shrink, grow, write and seal.
     *
     * @param size its size
     * @return its descriptor
     */
    public static int sealedMemfd(int size) {
        return memfd(size, F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE | F_SEAL_SEAL);
    }

    /**
     * A descriptor of a regular file in the scratch directory.
     *
     * @return its descriptor
     */
    public static int regularFile() {
        return check(Holder.OPEN.open(Holder.SCRATCH.resolve("regular-file").toString(), O_RDONLY | O_CLOEXEC),
                "open");
    }

    /**
     * A duplicate of {@code fd}.
     *
     * @param fd the descriptor
     * @return the new descriptor
     */
    public static int dup(int fd) {
        return check(libc().fcntl(fd, F_DUPFD_CLOEXEC, 0), "fcntl(F_DUPFD_CLOEXEC)");
    }

    /**
     * Closes {@code fd} if it is not negative.
     *
     * @param fd the descriptor, or -1
     */
    public static void close(int fd) {
        if (fd >= 0) {
            libc().close(fd);
        }
    }

    private static int align(int length) {
        return (length + CMSG_ALIGNMENT - 1) & -CMSG_ALIGNMENT;
    }

    private static int check(int result, String call) {
        if (result < 0) {
            throw new IllegalStateException(call + " failed with errno " + Runtime.getRuntime(libc()).getLastError());
        }
        return result;
    }

    private static Path createScratch() {
        try {
            Path directory = Files.createTempDirectory("ipc-fuzz");
            Files.write(directory.resolve("regular-file"), new byte[] {1, 2, 3, 4});
            directory.toFile().deleteOnExit();
            directory.resolve("regular-file").toFile().deleteOnExit();
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
