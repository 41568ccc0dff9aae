package ipc.transport.linux.internal;

import ipc.api.IpcException;
import java.util.Arrays;
import java.nio.ByteBuffer;

/**
 * Carries the handles of a message beyond the {@link Linux#SCM_MAX_FD} descriptors one datagram may hold. The
 * sender writes them, {@link Linux#SCM_MAX_FD} per datagram, into a private socket pair and closes its sending end,
 * all before the message's own datagram leaves; the receiving end rides in that datagram. The receiver reads them
 * without waiting ({@code MSG_DONTWAIT}): they are all there, or the peer lied.
 *
 * <p>Writing never waits either: if the private pair's buffer were full the message is refused (it would take
 * thousands of handles: see {@link #MAX_HANDLES}).
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe. The {@link NativeMessage} passed in belongs to the calling thread.
 */
final class HandleOverflow {

    /**
     * The most handles one message may carry: 4096 need 17 overflow datagrams, and a fresh pair with the default
     * 212,992-byte {@code SO_SNDBUF} takes 278 before it would block (measured, with 0, 1 or 253 descriptors each).
     * The kernel also refuses ({@code ETOOMANYREFS}) once a process has more descriptors in flight than its
     * {@code RLIMIT_NOFILE}; that error says so.
     */
    static final int MAX_HANDLES = 4096;

    private HandleOverflow() {}

    /**
     * Writes {@code fds[from..]} into a new socket pair and returns the pair's receiving end.
     *
     * @param scratch a block to build the datagrams in; its previous content is lost
     * @return the receiving end, owned by the caller
     * @throws IpcException if the OS refuses
     */
    static int write(NativeMessage scratch, int[] fds, int from) throws IpcException {
        int[] pair = Channels.socketPair();
        try {
            for (int at = from; at < fds.length; at += Linux.SCM_MAX_FD) {
                int count = Math.min(Linux.SCM_MAX_FD, fds.length - at);
                WireHeader.write(scratch.dataBuffer(), WireHeader.TYPE_OVERFLOW, (short) 0, count, count, 0L);
                scratch.prepareSend(WireHeader.SIZE, count);
                for (int i = 0; i < count; i++) {
                    scratch.setFd(i, fds[at + i]);
                }
                if (!scratch.sendTo(pair[0], Linux.MSG_NOSIGNAL | Linux.MSG_DONTWAIT)) {
                    throw Native.error("sendmsg", Errors.EMSGSIZE);
                }
            }
            return pair[1];
        } catch (IpcException | RuntimeException | Error e) {
            Descriptors.closeQuietly(pair[1]);
            throw e;
        } finally {
            Descriptors.closeQuietly(pair[0]);
        }
    }

    /**
     * Reads exactly {@code count} descriptors from the receiving end of an overflow pair. Does not close
     * {@code socket}.
     *
     * @param scratch a block to receive into; its previous content is lost
     * @return the descriptors, owned by the caller
     * @throws IpcException if the socket is not an overflow pair or holds another number of descriptors; every
     *     descriptor read is closed then
     */
    static int[] read(int socket, int count, NativeMessage scratch) throws IpcException {
        Descriptors.checkChannelSocket(socket, scratch, "the handle overflow");
        int[] result = new int[count];
        Arrays.fill(result, -1);
        int got = 0;
        try {
            while (got < count) {
                long length = scratch.receiveFrom(socket, Linux.MSG_DONTWAIT);
                if (length < 0) {
                    throw WireHeader.malformed(count + " overflow handles", got + " before the overflow ran dry");
                }
                int[] fds = scratch.receivedFds();
                try {
                    checkChunk(scratch, length, fds.length, count - got);
                } catch (IpcException | RuntimeException e) {
                    Descriptors.closeAll(fds);
                    throw e;
                }
                System.arraycopy(fds, 0, result, got, fds.length);
                got += fds.length;
            }
            return result;
        } catch (IpcException | RuntimeException | Error e) {
            Descriptors.closeAll(result);
            throw e;
        }
    }

    private static void checkChunk(NativeMessage scratch, long length, int fds, int missing) throws IpcException {
        if ((scratch.receivedFlags() & Linux.MSG_CTRUNC) != 0) {
            throw FdPressure.dropped(fds);
        }
        if ((scratch.receivedFlags() & Linux.MSG_TRUNC) != 0) {
            throw WireHeader.malformed("an overflow datagram that fits", "a truncated one");
        }
        if (length == 0 && fds == 0) {
            throw WireHeader.malformed(missing + " more overflow handles", "the end of the overflow");
        }
        ByteBuffer data = scratch.dataBuffer();
        WireHeader.check(data, length, WireHeader.TYPE_OVERFLOW);
        int declaredHandles = data.getInt(WireHeader.HANDLES_OFFSET);
        int declaredFds = data.getInt(WireHeader.FDS_OFFSET);
        long payload = data.getLong(WireHeader.PAYLOAD_LENGTH_OFFSET);
        if (length != WireHeader.SIZE || payload != 0 || declaredHandles != declaredFds || declaredFds != fds
                || fds <= 0 || fds > missing) {
            throw WireHeader.malformed("an overflow datagram of " + WireHeader.SIZE + " bytes declaring its 1 to "
                    + missing + " descriptors", length + " bytes declaring " + declaredHandles + " handles, "
                    + declaredFds + " descriptors and a " + payload + "-byte payload, with " + fds + " descriptors");
        }
    }
}
