package ipc.transport.linux.internal;

import com.kenai.jffi.MemoryIO;
import ipc.api.IpcException;
import ipc.api.spi.ReceivedMessage;
import ipc.transport.linux.ffi.LibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.List;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * The native memory of one {@code sendmsg}/{@code recvmsg}: a {@code struct msghdr}, up to three
 * {@code struct iovec}s, a control buffer for {@link Linux#SCM_MAX_FD} descriptors and a data buffer for the largest
 * datagram, laid out once in one block and reused from a small pool.
 *
 * <p>Usually the one iovec is the data buffer. A payload in a direct buffer of the caller's is gathered from there
 * ({@link #prepareGatherSend}), and a receiver that wants the payload of a plain message in a direct buffer of its own
 * has the datagram scattered: the head into the data buffer, the payload into its buffer, and whatever does not fit
 * there into the data buffer again, at the offset it would have had ({@link #prepareScatterReceive}). Either way no
 * Java code copies the payload.
 *
 * <p>Why a pool rather than one block per endpoint: the data buffer must hold the largest datagram (about
 * 208 KiB), and a process may hold thousands of endpoints (a receiver set of thousands of receivers, senders
 * travelling in messages), most of them idle. With a pool, native memory grows with the number of threads inside
 * {@code sendmsg}/{@code recvmsg} at the same moment, not with the number of endpoints, and no endpoint needs a lock
 * (the kernel already keeps each datagram whole). Taking and giving back a block ({@link NativeMessagePool}) costs
 * one atomic operation each, less than an endpoint lock would; no native memory is allocated per message once the
 * pool is warm.
 *
 * <h2>Thread safety</h2>
 * {@link #take()} and {@link #give()} are thread-safe; a taken block belongs to one thread until given back.
 */
final class NativeMessage {

    /** The data bytes a block holds: the largest datagram a channel carries. */
    static final int DATA_CAPACITY = Linux.MAX_DATAGRAM;
    private static final int FD_BYTES = Integer.BYTES;
    private static final int CONTROL_CAPACITY = Layouts.cmsgSpace(Linux.SCM_MAX_FD * FD_BYTES);
    private static final int IOVEC_AT = Layouts.MSGHDR_SIZE;
    /** At most three iovecs: head, the caller's memory, rest. */
    private static final int IOVECS = 3;
    private static final int CONTROL_AT = IOVEC_AT + IOVECS * Layouts.IOVEC_SIZE;
    private static final int POLLFD_AT = CONTROL_AT + CONTROL_CAPACITY;
    private static final int DATA_AT = POLLFD_AT + Layouts.POLLFD_SIZE;
    private static final int BLOCK_SIZE = DATA_AT + DATA_CAPACITY;
    private static final int[] NO_FDS = new int[0];
    private static final int WAIT_SLICE_MILLIS = (int) (LinuxReceiver.WAKE_SLICE_NANOS / 1_000_000);

    /** The block, as jnr-ffi passes it to system calls. */
    private final Pointer block;
    /**
     * The same memory as a direct buffer in native byte order: every field is read and written through it, since
     * buffer accesses are compiled to plain loads and stores, while jnr-ffi's pointer accesses are JNI calls where
     * jffi cannot use {@code sun.misc.Unsafe} (measured on JDK 25: about 4 us more per small message).
     */
    private final ByteBuffer fields;
    private final Pointer data;
    private final ByteBuffer dataBuffer;
    private final Pointer pollfd;
    /** The data offset of {@link #tailScratch()}. */
    static final int TAIL_SCRATCH_AT = DATA_CAPACITY - Layouts.STAT_SIZE;
    private final Pointer tailScratch;
    private final Runnable returner = this::endLoan;
    /**
     * The frame of {@link #loan}: a view of the data area from {@link WireHeader#SIZE} on (where the payload of a
     * message without handles starts), whose limit {@link #lendPayload} sets for each message, so that lending a
     * frame allocates nothing.
     */
    private final ByteBuffer loanFrame;
    /** The message {@link #lendPayload} returns: this block's frame, no handles, released by {@link #returner}. */
    private final ReceivedMessage loan;
    /** Set by {@link #lend()}; only the thread that holds the block reads or writes it. */
    private boolean lent;
    /** The data offset of the scattered part of the last {@link #prepareScatterReceive}, and its length. */
    private int scatterHead;
    private int scatterLength;
    /**
     * The message of the last {@link #lendScattered}: reused while the recipient passes the same buffer, so that a
     * receiver reusing one buffer allocates nothing. It keeps that buffer reachable until this block scatters into
     * another one: at most one recipient buffer per pooled block ({@link NativeMessagePool#LIMIT}).
     */
    private ReceivedMessage scatterLoan;
    private final long controlAddress;

    private NativeMessage() {
        block = Memory.allocateDirect(Native.runtime(), BLOCK_SIZE);
        fields = MemoryIO.getInstance().newDirectByteBuffer(block.address(), BLOCK_SIZE)
                .order(ByteOrder.nativeOrder());
        data = block.slice(DATA_AT, DATA_CAPACITY);
        dataBuffer = fields.slice(DATA_AT, DATA_CAPACITY).order(ByteOrder.nativeOrder());
        pollfd = block.slice(POLLFD_AT, Layouts.POLLFD_SIZE);
        tailScratch = block.slice(DATA_AT + TAIL_SCRATCH_AT, Layouts.STAT_SIZE);
        controlAddress = block.address() + CONTROL_AT;
        loanFrame = fields.slice(DATA_AT + WireHeader.SIZE, DATA_CAPACITY - WireHeader.SIZE);
        loan = new ReceivedMessage(loanFrame, List.of(), returner);
        fields.putLong(Layouts.MSGHDR_NAME, 0L);
        fields.putInt(Layouts.MSGHDR_NAMELEN, 0);
        fields.putLong(Layouts.MSGHDR_IOV, block.address() + IOVEC_AT);
        fields.putLong(Layouts.MSGHDR_IOVLEN, 1L);
        fields.putLong(IOVEC_AT + Layouts.IOVEC_BASE, data.address());
    }

    /** A block for this thread's use, from the pool or new. */
    static NativeMessage take() {
        NativeMessage message = NativeMessagePool.poll();
        return message != null ? message : new NativeMessage();
    }

    /** Returns this block to the pool (or drops it, if the pool is full); it must not be used afterwards. */
    void give() {
        NativeMessagePool.offer(this);
    }

    /**
     * Lends this block's data area to a received message whose frame is a view of it: the receive that took the
     * block does not give it back; {@link #loanReturner()}, run by the message's recipient, does.
     */
    void lend() {
        lent = true;
    }

    /**
     * Lends the payload of the message datagram received into this block, a message without handles whose payload
     * of {@code length} bytes follows the wire header: as {@link #lend()}, and the message is this block's own,
     * reused by every loan. Its recipient owns the frame (position, limit, byte order) until it releases the
     * message, which gives the block back.
     *
     * @return the message; its frame is big-endian, position 0, limit {@code length}
     */
    ReceivedMessage lendPayload(int length) {
        lent = true;
        loanFrame.clear();
        loanFrame.limit(length);
        loanFrame.order(ByteOrder.BIG_ENDIAN);
        return loan;
    }

    /** Whether the block is lent to a message ({@link #lend()}), so that its taker must not give it back. */
    boolean isLent() {
        return lent;
    }

    /** Ends a loan and gives the block back: the release of a message whose frame is a view of this block. */
    Runnable loanReturner() {
        return returner;
    }

    private void endLoan() {
        lent = false;
        give();
    }

    /** The {@code struct msghdr} to pass to {@code sendmsg}/{@code recvmsg}. */
    Pointer msghdr() {
        return block;
    }

    /**
     * Lends the head of the plain message datagram received by a scattered receive (the bytes between the wire header
     * and the scattered part) as the message's frame, and {@code into}, which holds its payload from its position on,
     * as its tail: as {@link #lendPayload}, but the payload never passed through this block.
     *
     * @param payloadLength the payload's length (head included), which must extend past the head and fit in the
     *     scattered part
     * @return the message; its frame is big-endian, its tail {@code into} with the limit after the payload
     */
    ReceivedMessage lendScattered(int payloadLength, ByteBuffer into) {
        int head = scatterHead - WireHeader.SIZE;
        into.limit(into.position() + payloadLength - head);
        return lendHead(head, into);
    }

    /**
     * Lends the first {@code head} bytes after the wire header of the message datagram received into this block as
     * the message's frame, with {@code tail}, which the recipient owns and which holds the rest of the payload between
     * its position and limit: as {@link #lendPayload}. The message is reused while the tail is the same buffer.
     *
     * @return the message; its frame is big-endian, position 0, limit {@code head}
     */
    ReceivedMessage lendHead(int head, ByteBuffer tail) {
        lent = true;
        loanFrame.clear();
        loanFrame.limit(head);
        loanFrame.order(ByteOrder.BIG_ENDIAN);
        if (scatterLoan == null || scatterLoan.tail() != tail) {
            scatterLoan = new ReceivedMessage(loanFrame, List.of(), returner, tail);
        }
        return scatterLoan;
    }

    /**
     * After a scattered receive of {@code length} bytes that is not delivered scattered: copies the scattered part
     * back, so that the data buffer holds the datagram as an ordinary receive leaves it.
     */
    void unscatter(long length, ByteBuffer into) {
        int scattered = (int) Math.min(Math.max(0, length - scatterHead), scatterLength);
        if (scattered > 0) {
            dataBuffer.put(scatterHead, into, into.position(), scattered);
        }
    }

    /** Whether {@code length} bytes received by a scattered receive left some in the scattered part, and all fit. */
    boolean scatteredWhole(long length) {
        return length > scatterHead && length - scatterHead <= scatterLength;
    }

    /** {@link #sendTo(int, int, FdHandle)} for a socket no handle owns. */
    boolean sendTo(int socket, int flags) throws IpcException {
        return sendTo(socket, flags, null);
    }

    /**
     * Sends the prepared datagram on {@code socket}, retrying on EINTR. The call itself never blocks
     * ({@code MSG_DONTWAIT}); while the socket's buffer is full, and unless {@code flags} asks for
     * {@code MSG_DONTWAIT}, it waits in {@code poll} for room, in slices of {@link LinuxReceiver#WAKE_SLICE_NANOS},
     * so that closing {@code owner} from another thread ends the wait.
     *
     * @param owner the handle that owns {@code socket}, checked between slices; null for none
     * @return true if sent; false if the datagram is larger than the socket's send buffer allows (EMSGSIZE)
     * @throws IpcException with the errno; {@link ipc.api.IpcDisconnectedException} for EPIPE or ECONNRESET; an
     *     {@link IpcException} if {@code owner} was closed, or the thread interrupted, while waiting for room
     */
    boolean sendTo(int socket, int flags, FdHandle owner) throws IpcException {
        LibC libc = Native.libc();
        while (libc.sendmsg(socket, block, flags | Linux.MSG_DONTWAIT) < 0) {
            int errno = Native.errno();
            if (errno == Errors.EMSGSIZE) {
                return false;
            } else if (errno == Errors.EAGAIN && (flags & Linux.MSG_DONTWAIT) == 0) {
                poll(socket, Linux.POLLOUT, WAIT_SLICE_MILLIS);
                if (owner != null && !owner.isOpen()) {
                    throw new IpcException("The sender was closed while waiting for the receiver to make room");
                }
                if (Thread.currentThread().isInterrupted()) {
                    throw new IpcException("Interrupted while waiting for the receiver to make room");
                }
            } else if (errno != Errors.EINTR) {
                throw errno == Errors.ETOOMANYREFS ? tooManyInFlight() : Native.error("sendmsg", errno);
            }
        }
        return true;
    }

    private static IpcException tooManyInFlight() {
        return new IpcException(Native.error("sendmsg", Errors.ETOOMANYREFS).getMessage()
                + " (more descriptors are in flight in unreceived messages than this process may open; receive "
                + "pending messages, send fewer handles, or raise the limit with ulimit -n)");
    }

    /**
     * Receives one datagram from {@code socket} into this block (prepared here), retrying on EINTR.
     *
     * @param flags recvmsg flags; {@code MSG_CMSG_CLOEXEC} is always added
     * @return the datagram's length, or -1 if none is queued (EAGAIN)
     * @throws IpcException with the errno: {@link ipc.api.IpcDisconnectedException} or
     *     {@link ipc.api.IpcDescriptorLimitException} as {@link Native#error} maps them, otherwise a
     *     {@link SocketReceiveException} naming {@code socket}
     */
    long receiveFrom(int socket, int flags) throws IpcException {
        return receiveFrom(socket, flags, null, 0);
    }

    /**
     * Receives one datagram from {@code socket} as {@link #receiveFrom(int, int)} does, except that with
     * {@code into} (a direct buffer) the bytes from data offset {@code head} on go to {@code into}'s memory from its
     * position, as many as it has remaining, and only the rest into this block (see
     * {@link #prepareScatterReceive}). Then either {@link #lendScattered} or {@link #unscatter} must follow.
     */
    long receiveFrom(int socket, int flags, ByteBuffer into, int head) throws IpcException {
        LibC libc = Native.libc();
        while (true) {
            if (into == null) {
                prepareReceive();
            } else {
                prepareScatterReceive(head, into);
            }
            long length = libc.recvmsg(socket, block, flags | Linux.MSG_CMSG_CLOEXEC);
            if (length >= 0) {
                return length;
            }
            int errno = Native.errno();
            if (errno == Errors.EAGAIN) {
                return -1;
            }
            if (errno != Errors.EINTR) {
                throw SocketReceiveException.of(socket, errno);
            }
        }
    }

    /** Waits until {@code socket} is readable or {@code millis} pass (-1: no limit); returns early on EINTR. */
    void awaitReadable(int socket, int millis) throws IpcException {
        poll(socket, Linux.POLLIN, millis);
    }

    /** Whether the peer of {@code socket} closed (or shut down writing): reading finds end-of-file once drained. */
    boolean peerClosed(int socket) throws IpcException {
        return (poll(socket, Linux.POLLRDHUP, 0) & (Linux.POLLRDHUP | Linux.POLLHUP)) != 0;
    }

    /** Polls one descriptor; returns its {@code revents}, 0 on timeout or EINTR. */
    private short poll(int socket, short events, int millis) throws IpcException {
        fields.putInt(POLLFD_AT + Layouts.POLLFD_FD, socket);
        fields.putShort(POLLFD_AT + Layouts.POLLFD_EVENTS, events);
        fields.putShort(POLLFD_AT + Layouts.POLLFD_REVENTS, (short) 0);
        if (Native.libc().poll(pollfd, 1, millis) < 0) {
            int errno = Native.errno();
            if (errno == Errors.EINTR) {
                return 0;
            }
            throw Native.error("poll", errno);
        }
        return fields.getShort(POLLFD_AT + Layouts.POLLFD_REVENTS);
    }

    /** This block's {@code pollfd} ({@link Layouts#POLLFD_SIZE} bytes); also scratch memory between calls. */
    Pointer pollfd() {
        return pollfd;
    }

    /** The data buffer, {@link #DATA_CAPACITY} bytes; also scratch memory between calls. */
    Pointer data() {
        return data;
    }

    /** {@link #data()} as a direct buffer over the same memory (absolute access only; never keep it). */
    ByteBuffer dataBuffer() {
        return dataBuffer;
    }

    /**
     * Prepares a {@code sendmsg} of the first {@code length} bytes of {@link #data()} with {@code fdCount}
     * descriptors, set afterwards with {@link #setFd}.
     */
    void prepareSend(int length, int fdCount) {
        fields.putLong(Layouts.MSGHDR_IOVLEN, 1L);
        fields.putLong(IOVEC_AT + Layouts.IOVEC_LEN, length);
        if (fdCount == 0) {
            fields.putLong(Layouts.MSGHDR_CONTROL, 0L);
            fields.putLong(Layouts.MSGHDR_CONTROLLEN, 0L);
        } else {
            int bytes = fdCount * FD_BYTES;
            fields.putLong(Layouts.MSGHDR_CONTROL, controlAddress);
            fields.putLong(Layouts.MSGHDR_CONTROLLEN, Layouts.cmsgSpace(bytes));
            fields.putLong(CONTROL_AT + Layouts.CMSGHDR_LEN, Layouts.cmsgLen(bytes));
            fields.putInt(CONTROL_AT + Layouts.CMSGHDR_LEVEL, Linux.SOL_SOCKET);
            fields.putInt(CONTROL_AT + Layouts.CMSGHDR_TYPE, Linux.SCM_RIGHTS);
        }
        fields.putInt(Layouts.MSGHDR_FLAGS, 0);
    }

    /**
     * Prepares a {@code sendmsg} without descriptors of the first {@code head} bytes of {@link #data()} followed by the
     * remaining bytes of {@code payload}, a direct buffer, read from its memory by the kernel. The caller keeps
     * {@code payload} reachable until the send returns.
     */
    void prepareGatherSend(int head, ByteBuffer payload) {
        prepareSend(head, 0);
        int at = IOVEC_AT + Layouts.IOVEC_SIZE;
        fields.putLong(at + Layouts.IOVEC_BASE, MemoryIO.getInstance().getDirectBufferAddress(payload)
                + payload.position());
        fields.putLong(at + Layouts.IOVEC_LEN, payload.remaining());
        fields.putLong(Layouts.MSGHDR_IOVLEN, 2L);
    }

    /** Sets descriptor {@code index} of a send prepared with {@link #prepareSend}. */
    void setFd(int index, int fd) {
        fields.putInt(CONTROL_AT + Layouts.CMSG_DATA + index * FD_BYTES, fd);
    }

    /** Prepares a {@code recvmsg} of up to {@link #DATA_CAPACITY} bytes and {@link Linux#SCM_MAX_FD} descriptors. */
    void prepareReceive() {
        fields.putLong(Layouts.MSGHDR_IOVLEN, 1L);
        fields.putLong(IOVEC_AT + Layouts.IOVEC_LEN, DATA_CAPACITY);
        fields.putLong(Layouts.MSGHDR_CONTROL, controlAddress);
        fields.putLong(Layouts.MSGHDR_CONTROLLEN, CONTROL_CAPACITY);
        fields.putInt(Layouts.MSGHDR_FLAGS, 0);
    }

    /**
     * Prepares a {@code recvmsg} as {@link #prepareReceive()} does, but the datagram's bytes from offset {@code head}
     * on go to the memory of {@code into} (a direct buffer) from its position, as many as it has remaining, and those
     * after that to this block's data buffer at their own offset. The caller keeps {@code into} reachable until the
     * receive returns.
     */
    private void prepareScatterReceive(int head, ByteBuffer into) {
        prepareReceive();
        int middle = Math.min(into.remaining(), DATA_CAPACITY - head);
        fields.putLong(IOVEC_AT + Layouts.IOVEC_LEN, head);
        int at = IOVEC_AT + Layouts.IOVEC_SIZE;
        fields.putLong(at + Layouts.IOVEC_BASE, MemoryIO.getInstance().getDirectBufferAddress(into) + into.position());
        fields.putLong(at + Layouts.IOVEC_LEN, middle);
        at += Layouts.IOVEC_SIZE;
        fields.putLong(at + Layouts.IOVEC_BASE, data.address() + head + middle);
        fields.putLong(at + Layouts.IOVEC_LEN, DATA_CAPACITY - head - middle);
        fields.putLong(Layouts.MSGHDR_IOVLEN, IOVECS);
        scatterHead = head;
        scatterLength = middle;
    }

    /** The {@code msg_flags} a {@code recvmsg} returned ({@code MSG_TRUNC}, {@code MSG_CTRUNC}). */
    int receivedFlags() {
        return fields.getInt(Layouts.MSGHDR_FLAGS);
    }

    /**
     * The one descriptor a {@code recvmsg} delivered, if it delivered exactly one in a single control message (a
     * message whose payload is in a ring, say); -1 if it delivered none or several, which {@link #receivedFds()}
     * then reads. Allocates nothing.
     */
    int singleReceivedFd() {
        long controlLength = fields.getLong(Layouts.MSGHDR_CONTROLLEN);
        if (controlLength != Layouts.cmsgSpace(FD_BYTES)
                || fields.getLong(CONTROL_AT + Layouts.CMSGHDR_LEN) != Layouts.cmsgLen(FD_BYTES)
                || fields.getInt(CONTROL_AT + Layouts.CMSGHDR_LEVEL) != Linux.SOL_SOCKET
                || fields.getInt(CONTROL_AT + Layouts.CMSGHDR_TYPE) != Linux.SCM_RIGHTS) {
            return -1;
        }
        return fields.getInt(CONTROL_AT + Layouts.CMSG_DATA);
    }

    /**
     * The last {@link Layouts#STAT_SIZE} bytes of the data area, as scratch for a call made once a datagram short
     * enough not to reach them was received ({@code fstat} of a ring); read back with {@link #tailScratchLong}.
     */
    Pointer tailScratch() {
        return tailScratch;
    }

    /** The long at {@code offset} of {@link #tailScratch()}. */
    long tailScratchLong(int offset) {
        return dataBuffer.getLong(TAIL_SCRATCH_AT + offset);
    }

    /**
     * The descriptors a {@code recvmsg} delivered, from every {@code SCM_RIGHTS} control message, in order. The
     * caller owns them from now on.
     */
    int[] receivedFds() {
        int controlLength = (int) Math.min(fields.getLong(Layouts.MSGHDR_CONTROLLEN), CONTROL_CAPACITY);
        int[] fds = NO_FDS;
        int count = 0;
        int offset = 0;
        while (offset + Layouts.CMSG_DATA <= controlLength) {
            int at = CONTROL_AT + offset;
            long length = fields.getLong(at + Layouts.CMSGHDR_LEN);
            if (length < Layouts.CMSG_DATA || offset + length > controlLength) {
                break;
            }
            int dataLength = (int) length - Layouts.CMSG_DATA;
            if (fields.getInt(at + Layouts.CMSGHDR_LEVEL) == Linux.SOL_SOCKET
                    && fields.getInt(at + Layouts.CMSGHDR_TYPE) == Linux.SCM_RIGHTS) {
                int more = dataLength / FD_BYTES;
                fds = Arrays.copyOf(fds, count + more);
                for (int i = 0; i < more; i++) {
                    fds[count++] = fields.getInt(at + Layouts.CMSG_DATA + i * FD_BYTES);
                }
            }
            offset += Layouts.cmsgSpace(dataLength);
        }
        return fds;
    }
}
