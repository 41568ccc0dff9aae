package ipc.transport.linux.internal;

import ipc.api.IpcException;

/**
 * A {@code recvmsg} that failed with an error {@link Native#error} does not map to a disconnect or to the descriptor
 * limit, with the socket it failed on and its errno, so that a receiver set can tell a member whose own socket
 * refuses every receive (one that is not a channel end, such as an unconnected or listening {@code SOCK_SEQPACKET}
 * socket a peer sent as a receiver: {@code ENOTCONN}) from a failure that concerns one datagram and from a passing
 * shortage ({@link #lasting()}). To everyone else it is an {@link IpcException} like any other.
 *
 * <h2>Thread safety</h2>
 * Immutable.
 */
final class SocketReceiveException extends IpcException {

    private static final long serialVersionUID = 1L;

    private final int socket;
    private final int errno;

    private SocketReceiveException(String message, int socket, int errno) {
        super(message);
        this.socket = socket;
        this.errno = errno;
    }

    /**
     * The exception for a failed {@code recvmsg} on {@code socket}: what {@link Native#error} makes of {@code errno}
     * when that is a disconnect or the descriptor limit, otherwise a {@code SocketReceiveException}.
     */
    static IpcException of(int socket, int errno) {
        IpcException mapped = Native.error("recvmsg", errno);
        return mapped.getClass() == IpcException.class ? new SocketReceiveException(mapped.getMessage(), socket, errno)
                : mapped;
    }

    /** The descriptor {@code recvmsg} failed on. */
    int socket() {
        return socket;
    }

    /** The error number. */
    int errno() {
        return errno;
    }

    /**
     * Whether the same receive would fail again: every error but a shortage of kernel memory ({@code ENOMEM},
     * {@code ENOBUFS}). {@code EINTR} and {@code EAGAIN} never get here ({@link NativeMessage#receiveFrom} retries
     * the one and reports "nothing queued" for the other).
     */
    boolean lasting() {
        return lasting(errno);
    }

    static boolean lasting(int errno) {
        return errno != Errors.ENOMEM && errno != Errors.ENOBUFS && errno != Errors.EINTR && errno != Errors.EAGAIN;
    }
}
