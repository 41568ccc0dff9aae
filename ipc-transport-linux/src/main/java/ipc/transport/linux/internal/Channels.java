package ipc.transport.linux.internal;

import ipc.api.IpcException;
import ipc.api.spi.EndpointPair;
import jnr.ffi.Pointer;

/**
 * Creates channels: {@code socketpair(AF_UNIX, SOCK_SEQPACKET | SOCK_CLOEXEC)}, one end a {@link LinuxSender}, the
 * other a {@link LinuxReceiver}. {@code SOCK_SEQPACKET} keeps message boundaries and order, passes descriptors, and
 * reports end-of-file to the receiver once every descriptor of the sending end (in any process, including copies
 * inside queued messages) is closed, and {@code EPIPE} to a sender once every descriptor of the receiving end is.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 */
public final class Channels {

    private static final int SENDING_END = 0;
    private static final int RECEIVING_END = 1;

    private Channels() {}

    /**
     * Creates a connected sender/receiver pair.
     *
     * @return the pair, owned by the caller
     * @throws IpcException if the OS refuses (out of descriptors, say)
     */
    public static EndpointPair pair() throws IpcException {
        int[] fds = socketPair();
        return new EndpointPair(LinuxSender.adopt(fds[SENDING_END]), LinuxReceiver.adopt(fds[RECEIVING_END]));
    }

    /**
     * Creates a close-on-exec {@code AF_UNIX SOCK_SEQPACKET} socket pair.
     *
     * @return the two connected descriptors, owned by the caller
     * @throws IpcException if the OS refuses
     */
    static int[] socketPair() throws IpcException {
        int[] fds = new int[2];
        if (Native.libc().socketpair(Linux.AF_UNIX, Linux.SOCK_SEQPACKET | Linux.SOCK_CLOEXEC, 0, fds) < 0) {
            throw Native.lastError("socketpair");
        }
        FdPressure.observe(Math.max(fds[0], fds[1]));
        return fds;
    }

    /**
     * {@link #socketPair()} for a path that allocates nothing: the two descriptors go to {@code scratch}, the first
     * at offset 0 and the second at offset 4.
     *
     * @param scratch at least 8 bytes of native memory
     * @throws IpcException if the OS refuses
     */
    static void socketPair(Pointer scratch) throws IpcException {
        if (Native.libc().socketpair(Linux.AF_UNIX, Linux.SOCK_SEQPACKET | Linux.SOCK_CLOEXEC, 0, scratch) < 0) {
            throw Native.lastError("socketpair");
        }
        FdPressure.observe(Math.max(scratch.getInt(0), scratch.getInt(Integer.BYTES)));
    }
}
