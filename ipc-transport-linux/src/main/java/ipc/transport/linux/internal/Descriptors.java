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
     * Checks that {@code fd} is an {@code AF_UNIX SOCK_SEQPACKET} socket, the only kind a channel end is: two system
     * calls ({@code SO_TYPE}, which a pipe, file or memfd fails with {@code ENOTSOCK}, and {@code SO_DOMAIN}). For
     * the places where a descriptor of another kind from a peer would do harm rather than fail: the socket of a
     * handle overflow, which this process reads on its own, and a receiver added to a receiver set. Channel ends that
     * arrive in a message are not checked on arrival (see {@link InboundMessage}). The family matters there because
     * what epoll reports for a socket, and whether {@code recvmsg} then drains or fails, is the family's own
     * business: only for {@code AF_UNIX} does every readiness of a sequenced-packet socket end in a datagram, an
     * end-of-file or an error (a receiver set relies on that to never spin), and another family's socket could stay
     * ready with nothing to receive. An {@code AF_UNIX} socket that is not connected (or listens) passes this check
     * and fails every receive with {@code ENOTCONN}: see {@link EpollReceiverSet}.
     *
     * @param scratch at least {@link #SCRATCH_BYTES} bytes of native memory
     * @param what what the descriptor should be, for the message (such as {@code "handle 3 (a sender)"})
     * @throws IpcException saying what was expected and what arrived
     */
    static void checkChannelSocket(int fd, Pointer scratch, String what) throws IpcException {
        checkChannelSocket(fd, scratch, scratch.slice(OPTION_LENGTH_AT), what);
    }

    /**
     * {@link #checkChannelSocket(int, Pointer, String)} with {@code block}'s memory as scratch, allocating nothing:
     * for a check made once per message (a large payload's stream). Overwrites the start of the block's data area
     * and its {@code pollfd}.
     */
    static void checkChannelSocket(int fd, NativeMessage block, String what) throws IpcException {
        checkChannelSocket(fd, block.data(), block.pollfd(), what);
    }

    /**
     * @param value at least 4 bytes of native memory for the option's value
     * @param valueLength at least 4 bytes of other native memory, for the value's length
     */
    private static void checkChannelSocket(int fd, Pointer value, Pointer valueLength, String what)
            throws IpcException {
        int type = socketOption(fd, Linux.SO_TYPE, value, valueLength, what);
        if (type != Linux.SOCK_SEQPACKET) {
            throw WireHeader.malformed("an AF_UNIX SOCK_SEQPACKET socket for " + what, "a socket of type " + type);
        }
        int family = socketOption(fd, Linux.SO_DOMAIN, value, valueLength, what);
        if (family != Linux.AF_UNIX) {
            throw WireHeader.malformed("an AF_UNIX SOCK_SEQPACKET socket for " + what,
                    "a SOCK_SEQPACKET socket of address family " + family);
        }
    }

    private static int socketOption(int fd, int option, Pointer value, Pointer valueLength, String what)
            throws IpcException {
        LibC libc = Native.libc();
        value.putInt(0, 0);
        valueLength.putInt(0, Integer.BYTES);
        if (libc.getsockopt(fd, Linux.SOL_SOCKET, option, value, valueLength) < 0) {
            int errno = Native.errno();
            String got = errno == Errors.ENOTSOCK ? "a descriptor that is not a socket"
                    : "a descriptor whose getsockopt(..) failed with error(" + errno + "): " + Native.describe(errno);
            throw WireHeader.malformed("an AF_UNIX SOCK_SEQPACKET socket for " + what, got);
        }
        return value.getInt(0);
    }
}
