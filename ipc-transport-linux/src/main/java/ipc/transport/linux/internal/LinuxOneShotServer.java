package ipc.transport.linux.internal;

import ipc.api.IpcException;
import ipc.api.IpcPeerPolicy;
import ipc.api.spi.OneShotServerEndpoint;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.SenderEndpoint;
import ipc.transport.linux.ffi.LibC;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntPredicate;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * A one-shot server: a non-blocking {@code SOCK_SEQPACKET} socket listening on a socket file in a fresh private
 * directory (mode 0700, created atomically with that mode under {@code java.io.tmpdir}; 0711 with the socket 0666
 * when the {@link IpcPeerPolicy} admits other users). Its {@link #name()} is the
 * socket path (format: {@link OneShotNames}). {@link #accept(long)} waits with {@code poll} on the listening socket
 * and a wake-up eventfd, so it is bounded by its timeout and {@link #close()} from another thread wakes it; it
 * accepts with {@code accept4(SOCK_CLOEXEC)} and checks the client's {@code SO_PEERCRED} before reading anything
 * from it: only a uid the {@link IpcPeerPolicy} allows is accepted (by default the same effective uid); a refused client is closed (its sends fail as disconnected) and accept goes on
 * waiting. Once the one client is accepted, or on {@code close()}, the listener is closed and the socket file and
 * directory are removed: the name stops working ({@link #connect(String)} then fails with a clear
 * {@link IpcException}). A client that connected but was never accepted sees its sends fail as disconnected.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: one thread accepts at a time (a second concurrent {@code accept} throws
 * {@link IllegalStateException}); {@link #close()} may be called from any thread.
 */
public final class LinuxOneShotServer implements OneShotServerEndpoint {

    private static final System.Logger LOG = System.getLogger(LinuxOneShotServer.class.getName());
    /** Pending connections the kernel queues: one client, plus a few refused ones that may come first. */
    static final int BACKLOG = 4;
    private static final int POLL_COUNT = 2;

    private final Path directory;
    private final Path socketFile;
    private final int listenFd;
    private final WakeupFd wakeup;
    private final IntPredicate uidAllowed;
    private final Pointer pollFds = Memory.allocateDirect(Native.runtime(), POLL_COUNT * Layouts.POLLFD_SIZE, true);
    private final PeerCredentials credentials = new PeerCredentials();
    private final AtomicBoolean accepting = new AtomicBoolean();
    private final CloseGuard guard;
    private volatile boolean accepted;

    private LinuxOneShotServer(Path directory, Path socketFile, int listenFd, WakeupFd wakeup,
            IntPredicate uidAllowed) {
        this.directory = directory;
        this.socketFile = socketFile;
        this.listenFd = listenFd;
        this.wakeup = wakeup;
        this.uidAllowed = uidAllowed;
        this.guard = new CloseGuard(wakeup::signal, this::destroy);
    }

    /**
     * Opens a server that accepts a client of this process's effective uid.
     *
     * @return the server, listening
     * @throws IpcException if the directory or socket cannot be created (the temp dir path too long for a Unix
     *     socket, out of descriptors, ...)
     */
    public static LinuxOneShotServer open() throws IpcException {
        return open(IpcPeerPolicy.sameUser());
    }

    /**
     * Opens a server that accepts a client of a uid {@code peers} allows. With {@link IpcPeerPolicy#sameUser()} the
     * socket's directory is {@code 0700}; with a policy that admits other users it is {@code 0711} (enterable, not
     * listable) and the socket {@code 0666}, and the {@code SO_PEERCRED} check at accept decides.
     *
     * @param peers who may connect
     * @return the server, listening
     * @throws IpcException if the OS refuses
     */
    public static LinuxOneShotServer open(IpcPeerPolicy peers) throws IpcException {
        int ownUid = Native.libc().geteuid();
        return open(peerUid -> peers.allows(peerUid, ownUid), peers.admitsOtherUsers());
    }

    /**
     * Opens a server that accepts the first client whose uid {@code uidAllowed} accepts.
     *
     * @param uidAllowed decides on the uid the kernel reports for a connecting process
     * @param reachableByOthers whether other users must be able to reach the socket
     * @return the server, listening
     * @throws IpcException if the OS refuses
     */
    static LinuxOneShotServer open(IntPredicate uidAllowed, boolean reachableByOthers) throws IpcException {
        Path directory;
        try {
            directory = Files.createTempDirectory(OneShotNames.DIRECTORY_PREFIX,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(
                            reachableByOthers ? "rwx--x--x" : "rwx------")))
                    .toAbsolutePath();
        } catch (IOException | UnsupportedOperationException e) {
            throw new IpcException("Cannot create a private directory for a one-shot server under "
                    + System.getProperty("java.io.tmpdir") + ": " + e.getMessage(), e);
        }
        Path socketFile = directory.resolve(OneShotNames.SOCKET_FILE);
        int pathBytes = UnixSocketAddress.pathBytes(socketFile).length;
        if (pathBytes > UnixSocketAddress.MAX_PATH_BYTES) {
            removeQuietly(socketFile, directory);
            throw new IpcException("Cannot open a one-shot server: its socket path " + socketFile + " is " + pathBytes
                    + " bytes long, and a Unix socket path holds at most " + UnixSocketAddress.MAX_PATH_BYTES
                    + " bytes; set -Djava.io.tmpdir to a shorter directory");
        }
        int fd = -1;
        try {
            UnixSocketAddress address = UnixSocketAddress.of(socketFile);
            LibC libc = Native.libc();
            fd = libc.socket(Linux.AF_UNIX, Linux.SOCK_SEQPACKET | Linux.SOCK_CLOEXEC | Linux.SOCK_NONBLOCK, 0);
            if (fd < 0) {
                throw Native.lastError("socket");
            }
            if (libc.bind(fd, address.pointer(), address.length()) < 0) {
                throw Native.lastError("bind");
            }
            if (reachableByOthers) {
                openToOthers(directory, socketFile);
            }
            if (libc.listen(fd, BACKLOG) < 0) {
                throw Native.lastError("listen");
            }
            return new LinuxOneShotServer(directory, socketFile, fd, WakeupFd.open(), uidAllowed);
        } catch (IpcException | RuntimeException e) {
            closeQuietly(fd);
            removeQuietly(socketFile, directory);
            throw e;
        }
    }

    /** Makes the directory enterable and the socket connectable by every user (the uid check decides). */
    private static void openToOthers(Path directory, Path socketFile) throws IpcException {
        try {
            // Set explicitly: the mode given at creation is reduced by the umask.
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx--x--x"));
            Files.setPosixFilePermissions(socketFile, PosixFilePermissions.fromString("rw-rw-rw-"));
        } catch (IOException e) {
            throw new IpcException("Cannot open the one-shot server's socket " + socketFile + " to other users: "
                    + e.getMessage(), e);
        }
    }

    /**
     * Connects to a one-shot server by its {@linkplain #name() name}, possibly in another process.
     *
     * @param name the server's name
     * @return the sending end of the new channel; its receiving end is what the server's accept returns
     * @throws IpcException if {@code name} is not a one-shot server name, or no server listens under it any more
     */
    public static SenderEndpoint connect(String name) throws IpcException {
        return LinuxSender.adopt(OneShotClient.connect(OneShotNames.parse(name), name));
    }

    @Override
    public String name() {
        return socketFile.toString();
    }

    @Override
    public ReceiverEndpoint accept(long timeoutNanos) throws IpcException {
        if (!guard.tryAcquire()) {
            throw gone();
        }
        try {
            if (!accepting.compareAndSet(false, true)) {
                throw new IllegalStateException("Another thread is already accepting on this one-shot server");
            }
            try {
                return awaitClient(Deadline.after(timeoutNanos));
            } finally {
                accepting.set(false);
            }
        } finally {
            guard.release();
        }
    }

    private ReceiverEndpoint awaitClient(Deadline deadline) throws IpcException {
        LibC libc = Native.libc();
        while (true) {
            pollFds.putInt(Layouts.POLLFD_FD, listenFd);
            pollFds.putShort(Layouts.POLLFD_EVENTS, Linux.POLLIN);
            pollFds.putShort(Layouts.POLLFD_REVENTS, (short) 0);
            pollFds.putInt(Layouts.POLLFD_SIZE + Layouts.POLLFD_FD, wakeup.fd());
            pollFds.putShort(Layouts.POLLFD_SIZE + Layouts.POLLFD_EVENTS, Linux.POLLIN);
            pollFds.putShort(Layouts.POLLFD_SIZE + Layouts.POLLFD_REVENTS, (short) 0);
            int ready = libc.poll(pollFds, POLL_COUNT, deadline.nextWaitMillis());
            if (ready < 0 && Native.errno() != Errors.EINTR) {
                throw Native.lastError("poll");
            }
            if (!guard.isOpen()) {
                throw gone();
            }
            if (ready > 0 && pollFds.getShort(Layouts.POLLFD_REVENTS) != 0) {
                ReceiverEndpoint client = tryAcceptOne();
                if (client != null) {
                    return client;
                }
            }
            if (deadline.expired()) {
                return null;
            }
        }
    }

    /** Accepts one pending connection; null if it vanished or was refused. */
    private ReceiverEndpoint tryAcceptOne() throws IpcException {
        int client = Native.libc().accept4(listenFd, null, null, Linux.SOCK_CLOEXEC);
        if (client < 0) {
            int errno = Native.errno();
            if (errno == Errors.EAGAIN || errno == Errors.EINTR || errno == Errors.ECONNABORTED) {
                return null;
            }
            throw Native.error("accept4", errno);
        }
        PeerCredentials.Peer peer;
        try {
            peer = credentials.of(client);
        } catch (IpcException e) {
            closeQuietly(client);
            throw e;
        }
        if (!uidAllowed.test(peer.uid())) {
            closeQuietly(client);
            LOG.log(System.Logger.Level.WARNING, "One-shot server " + name() + " refused a client: pid " + peer.pid()
                    + " runs as uid " + peer.uid() + ", which is not allowed; still waiting");
            return null;
        }
        accepted = true;
        guard.close(); // the name stops working; files are removed when this accept's use ends
        return LinuxReceiver.adopt(client);
    }

    private IpcException gone() {
        return new IpcException(accepted ? "This one-shot server already accepted its one client"
                : "The one-shot server " + name() + " is closed");
    }

    /** Whether an accept is in flight; for tests. */
    boolean busy() {
        return guard.inUse();
    }

    /** Stops listening and removes the socket file and directory. Idempotent; never throws. */
    @Override
    public void close() {
        guard.close();
    }

    /** Runs once, after close (or the accept) and after the last call in flight. */
    private void destroy() {
        Native.libc().close(listenFd);
        wakeup.close();
        removeQuietly(socketFile, directory);
    }

    private static void removeQuietly(Path socketFile, Path directory) {
        try {
            Files.deleteIfExists(socketFile);
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "Could not remove one-shot server files in " + directory, e);
        }
    }

    private static void closeQuietly(int fd) {
        if (fd >= 0) {
            Native.libc().close(fd);
        }
    }
}
