package ipc.transport.linux.internal;

import ipc.api.IpcException;
import ipc.transport.linux.ffi.LibC;
import java.nio.file.Path;

/**
 * The client side of a one-shot server: a {@code SOCK_SEQPACKET} socket connected to the server's socket file.
 * The connect is non-blocking, so a server whose queue is full fails at once instead of hanging the client; the
 * socket is made blocking again before it is handed to the channel code.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 */
final class OneShotClient {

    private OneShotClient() {}

    /**
     * Connects to the server listening at {@code socketFile}.
     *
     * @param socketFile the parsed name
     * @param name the name as given, for messages
     * @return the connected socket, blocking and close-on-exec, owned by the caller
     * @throws IpcException if nothing listens there any more, or the OS refuses
     */
    static int connect(Path socketFile, String name) throws IpcException {
        UnixSocketAddress address = UnixSocketAddress.of(socketFile);
        LibC libc = Native.libc();
        int fd = libc.socket(Linux.AF_UNIX, Linux.SOCK_SEQPACKET | Linux.SOCK_CLOEXEC | Linux.SOCK_NONBLOCK, 0);
        if (fd < 0) {
            throw Native.lastError("socket");
        }
        try {
            connect(fd, address, name);
            int flags = libc.fcntl(fd, Linux.F_GETFL, 0);
            if (flags < 0 || libc.fcntl(fd, Linux.F_SETFL, flags & ~Linux.O_NONBLOCK) < 0) {
                throw Native.lastError("fcntl(F_SETFL)");
            }
            return fd;
        } catch (IpcException | RuntimeException e) {
            closeQuietly(fd);
            throw e;
        }
    }

    private static void connect(int fd, UnixSocketAddress address, String name) throws IpcException {
        while (Native.libc().connect(fd, address.pointer(), address.length()) < 0) {
            int errno = Native.errno();
            if (errno == Errors.EINTR) {
                continue;
            }
            if (errno == Errors.EISCONN) {
                return; // an interrupted attempt completed meanwhile
            }
            if (errno == Errors.ENOENT || errno == Errors.ECONNREFUSED) {
                throw new IpcException("No one-shot server listens at '" + name + "': it accepted its one client "
                        + "already, was closed, or its process is gone (" + Native.describe(errno) + ")");
            }
            if (errno == Errors.EAGAIN) {
                throw new IpcException("The one-shot server at '" + name + "' has connections pending already; it "
                        + "accepts exactly one client");
            }
            throw Native.error("connect", errno);
        }
    }

    private static void closeQuietly(int fd) {
        if (fd >= 0) {
            Native.libc().close(fd);
        }
    }
}
