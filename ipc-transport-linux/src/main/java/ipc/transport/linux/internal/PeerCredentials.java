package ipc.transport.linux.internal;

import ipc.api.IpcException;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Reads {@code SO_PEERCRED} (the pid, uid and gid of the process that connected a Unix socket) into native memory
 * allocated once per reader.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one reader per thread (a one-shot server has one accepting thread at a time).
 */
final class PeerCredentials {

    /** The peer of a connected socket as the kernel recorded it at {@code connect} time. */
    record Peer(int pid, int uid, int gid) {}

    private static final int LENGTH_BYTES = Integer.BYTES;

    private final Pointer ucred = Memory.allocateDirect(Native.runtime(), Layouts.UCRED_SIZE, true);
    private final Pointer length = Memory.allocateDirect(Native.runtime(), LENGTH_BYTES, true);

    /**
     * The credentials of the process at the other end of {@code fd}.
     *
     * @param fd a connected {@code AF_UNIX} socket
     * @return the peer
     * @throws IpcException if the OS refuses
     */
    Peer of(int fd) throws IpcException {
        length.putInt(0, Layouts.UCRED_SIZE);
        if (Native.libc().getsockopt(fd, Linux.SOL_SOCKET, Linux.SO_PEERCRED, ucred, length) < 0) {
            throw Native.lastError("getsockopt(SO_PEERCRED)");
        }
        return new Peer(ucred.getInt(Layouts.UCRED_PID), ucred.getInt(Layouts.UCRED_UID),
                ucred.getInt(Layouts.UCRED_GID));
    }
}
