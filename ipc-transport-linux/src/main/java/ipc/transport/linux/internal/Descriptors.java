package ipc.transport.linux.internal;

import ipc.api.IpcException;
import ipc.transport.linux.ffi.LibC;
import jnr.ffi.Pointer;

/**
 * Small operations on raw descriptors for the channel code: closing on failure paths, duplicating, and checking
 * that a descriptor received from a peer is what its message says it is.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe. Callers own the descriptors they pass.
 */
final class Descriptors {

    private static final int OPTION_VALUE_AT = 0;
    private static final int OPTION_LENGTH_AT = 8;
    /** Scratch bytes {@link #checkChannelSocket} needs: an int option value and its socklen_t length. */
    static final int SCRATCH_BYTES = 16;

    private Descriptors() {}

    /** Closes {@code fd}, ignoring errors; for failure paths and descriptors that are no longer needed. */
    static void closeQuietly(int fd) {
        if (fd >= 0) {
            Native.libc().close(fd);
        }
    }

    /** Closes every descriptor of {@code fds} that is not negative, and marks it -1. */
    static void closeAll(int[] fds) {
        for (int i = 0; i < fds.length; i++) {
            closeQuietly(fds[i]);
            fds[i] = -1;
        }
    }

    /**
     * Duplicates {@code fd} with close-on-exec set ({@code fcntl(F_DUPFD_CLOEXEC)}), atomically, so a child process
     * started at the same moment never inherits it.
     *
     * @return the new descriptor, owned by the caller
     * @throws IpcException if the OS refuses (out of descriptors, say)
     */
    static int duplicate(int fd) throws IpcException {
        int copy = Native.libc().fcntl(fd, Linux.F_DUPFD_CLOEXEC, 0);
        if (copy < 0) {
            throw Native.lastError("fcntl(F_DUPFD_CLOEXEC)");
        }
        return copy;
    }

    /**
     * Checks that {@code fd} is a {@code SOCK_SEQPACKET} socket, the only kind a channel end is: one system call
     * ({@code SO_TYPE}; a pipe, file or memfd fails it with {@code ENOTSOCK}). For the places where a descriptor of
     * another kind from a peer would do harm rather than fail: the socket of a handle overflow, which this process
     * reads on its own, and a receiver added to a receiver set. Channel ends that arrive in a message are not checked
     * on arrival (see {@link InboundMessage}). The address family is not checked: it would cost a second call and
     * protect nothing, since a peer that could hand over another family's sequenced-packet socket can as well hand
     * over a Unix socket connected to wherever it likes; what matters is that the descriptor behaves as a message
     * socket, which the type ensures.
     *
     * @param scratch at least {@link #SCRATCH_BYTES} bytes of native memory
     * @param what what the descriptor should be, for the message (such as {@code "handle 3 (a sender)"})
     * @throws IpcException saying what was expected and what arrived
     */
    static void checkChannelSocket(int fd, Pointer scratch, String what) throws IpcException {
        int type = socketOption(fd, Linux.SO_TYPE, scratch, what);
        if (type != Linux.SOCK_SEQPACKET) {
            throw WireHeader.malformed("a SOCK_SEQPACKET socket for " + what, "a socket of type " + type);
        }
    }

    private static int socketOption(int fd, int option, Pointer scratch, String what) throws IpcException {
        LibC libc = Native.libc();
        scratch.putInt(OPTION_VALUE_AT, 0);
        scratch.putInt(OPTION_LENGTH_AT, Integer.BYTES);
        if (libc.getsockopt(fd, Linux.SOL_SOCKET, option, scratch, scratch.slice(OPTION_LENGTH_AT)) < 0) {
            int errno = Native.errno();
            String got = errno == Errors.ENOTSOCK ? "a descriptor that is not a socket"
                    : "a descriptor whose getsockopt(..) failed with error(" + errno + "): " + Native.describe(errno);
            throw WireHeader.malformed("a SOCK_SEQPACKET socket for " + what, got);
        }
        return scratch.getInt(OPTION_VALUE_AT);
    }
}
