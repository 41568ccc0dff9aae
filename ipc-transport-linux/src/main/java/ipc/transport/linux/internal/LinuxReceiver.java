package ipc.transport.linux.internal;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcLimits;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import jnr.ffi.Pointer;

/**
 * The receiving end of a channel: one descriptor of an {@code AF_UNIX SOCK_SEQPACKET} socket pair.
 *
 * <h2>Waiting, and how {@link #close()} wakes a waiting receive</h2>
 * A receive that may wait makes one blocking {@code recvmsg}, so a message that arrives costs one system call. The
 * socket carries a receive timeout ({@code SO_RCVTIMEO}) of {@link #WAKE_SLICE_NANOS}: a blocked {@code recvmsg}
 * returns at least that often, and the receive then checks whether this receiver was closed and goes back to
 * sleep if not. So {@code close()} from another thread wakes it within one slice, without {@code shutdown()}: the
 * socket may be shared with another process (a receiver sent to a child), whose copy must keep working. The
 * timeout is a property of the socket, shared by every copy in every process; all of them run this code and set
 * the same value.
 *
 * <p>Measured with {@code ChannelTimingProbeTest} (JDK 17, 8-byte round trip between two threads pinned to one
 * vCPU of a busy 2-vCPU VM, raw jnr-ffi calls): a blocking {@code recvmsg} 8.9-9.0 us; a non-blocking attempt,
 * then {@code poll} on the socket and a wake-up eventfd, then {@code recvmsg} 10.4-10.5 us; {@code poll} first
 * 10.0-10.3 us. An eventfd would wake a closed receiver at once but costs 0.5 to 0.8 us on every receive that
 * waits (most receives, in request/reply traffic); the slice costs nothing per message, up to
 * {@link #WAKE_SLICE_NANOS} of latency on close, and ten wake-ups a second per blocked thread. This class does the
 * same round trip in 9.4-9.5 us.
 *
 * <p>A wait shorter than a slice (a timed receive near its deadline) uses {@code poll} with the exact time left.
 * An interrupted thread's receive ends within a slice too, with an {@link IpcException} (the interrupt status
 * stays set).
 * With {@code timeoutNanos} 0 a receive makes exactly one non-blocking {@code recvmsg}: what a receiver set calls
 * for a ready descriptor.
 *
 * <h2>End of the channel</h2>
 * A {@code recvmsg} result of 0 bytes means every sender is gone, since every datagram carries a header; it is
 * confirmed with {@code POLLRDHUP} (the peer closed) so that an empty datagram forged by a peer is reported as
 * malformed instead.
 *
 * <h2>Memory</h2>
 * A receive holds one {@link NativeMessage} (about 210 KiB of native memory, from a pool) while it waits in the
 * kernel, since the kernel writes the datagram straight into it. A message whose payload came inline keeps that
 * block as its frame until the recipient releases it ({@link ReceivedMessage#release()}), so the payload is copied
 * once, from the kernel's datagram into what the user gets. A message without handles is then the block's own
 * {@link ReceivedMessage}, reused for every loan, so such a receive allocates nothing at all. Only a receiver set,
 * which holds one message per ready receiver before any is decoded, copies small payloads to the heap instead
 * ({@link #receiveToHold(long)}). A payload in its sender's ring ({@link SendRing}) is copied out of the ring
 * ({@link RingReader}) into a buffer of the recipient's choosing, and the slot freed, within the receive. A payload
 * too large for a datagram is read from its stream
 * ({@link PayloadStream}) straight into a buffer of the recipient's choosing (a new heap array unless it says
 * otherwise), within the same receive: a receive that found such a message's datagram returns once the whole
 * payload arrived.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: concurrent receives each get whole, distinct messages. {@link #close()} from another thread wakes a
 * blocked {@link #receive(long)} (within {@link #WAKE_SLICE_NANOS}), which then throws
 * {@link IpcDisconnectedException}.
 */
public final class LinuxReceiver extends FdHandle implements ReceiverEndpoint {

    /** The longest a blocked receive sleeps in the kernel before it checks whether the receiver was closed. */
    static final long WAKE_SLICE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long NANOS_PER_MICRO = 1000;
    private static final long NANOS_PER_SECOND = TimeUnit.SECONDS.toNanos(1);
    private static final System.Logger LOG = System.getLogger(LinuxReceiver.class.getName());

    /** Whether this handle has set the socket's receive timeout. */
    private volatile boolean sliced;

    private LinuxReceiver(int fd) {
        super(fd);
    }

    /**
     * Takes ownership of the receiving end of a channel.
     *
     * @param fd a connected {@code AF_UNIX SOCK_SEQPACKET} socket, owned by no one else from now on
     * @return the receiver
     */
    public static LinuxReceiver adopt(int fd) {
        return new LinuxReceiver(fd);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A message without handles whose payload came inline (most messages) is the receive block itself, lent to
     * the recipient until it releases the message: its payload is copied once, from the kernel's datagram into what
     * the user gets, and the receive allocates nothing. So the recipient must release it promptly, before it
     * receives again; a caller that holds messages undecoded uses {@link #receiveToHold(long)}.
     */
    @Override
    public ReceivedMessage receive(long timeoutNanos) throws IpcException {
        return receive(timeoutNanos, true, InboundMessage.NEW_ARRAYS, null, 0);
    }

    /**
     * {@inheritDoc} The streamed part of a payload too large for one datagram ({@link PayloadStream}) is read straight
     * into the buffer {@code tails} gives.
     */
    @Override
    public ReceivedMessage receive(long timeoutNanos, IntFunction<ByteBuffer> tails) throws IpcException {
        return receive(timeoutNanos, true, tails, null, 0);
    }

    /**
     * {@inheritDoc} A streamed part that fits is read into {@code into}, heap or direct. With a direct {@code into}
     * the datagram is also scattered: its head into the receive block, the payload after the head straight into
     * {@code into}'s memory, so no Java code copies it; any other message is put back together in the block and
     * decoded as {@link #receive(long, IntFunction)} does. No scattering for a heap {@code into} (jnr-ffi cannot point
     * an {@code iovec} at a heap array) or a head longer than a datagram; a read-only {@code into} is not used at
     * all.
     */
    @Override
    public ReceivedMessage receive(long timeoutNanos, IntFunction<ByteBuffer> tails, ByteBuffer into, int headLength)
            throws IpcException {
        if (into.isReadOnly()) {
            return receive(timeoutNanos, tails);
        }
        boolean headFits = headLength >= 0 && headLength < NativeMessage.DATA_CAPACITY - WireHeader.SIZE;
        return receive(timeoutNanos, true, tails, into, headFits ? WireHeader.SIZE + headLength : 0);
    }

    /**
     * {@link #receive(long)} for a caller that may hold several messages undecoded at once (a receiver set): a small
     * payload is copied to the heap instead of holding a receive block (about 210 KiB) per message.
     */
    ReceivedMessage receiveToHold(long timeoutNanos) throws IpcException {
        return receive(timeoutNanos, false, InboundMessage.NEW_ARRAYS, null, 0);
    }

    /**
     * @param into null, or a buffer for the streamed part of a payload that fits in it (else {@code tails} gives one)
     * @param head 0, or the bytes of the datagram (wire header included) after which a plain message's payload is
     *     scattered into {@code into}, a direct buffer
     */
    private ReceivedMessage receive(long timeoutNanos, boolean lendSmall, IntFunction<ByteBuffer> tails,
            ByteBuffer into, int head) throws IpcException {
        if (!tryAcquire()) {
            throw new IpcDisconnectedException("The receiver is closed");
        }
        NativeMessage block = NativeMessage.take();
        try {
            if (timeoutNanos == 0) {
                return receiveNow(block, Linux.MSG_DONTWAIT, lendSmall, tails, into, head);
            }
            return receiveWaiting(block, Deadline.after(timeoutNanos), lendSmall, tails, into, head);
        } finally {
            if (!block.isLent()) {
                block.give();
            }
            release();
        }
    }

    private ReceivedMessage receiveWaiting(NativeMessage block, Deadline deadline, boolean lendSmall,
            IntFunction<ByteBuffer> tails, ByteBuffer into, int head) throws IpcException {
        if (!sliced) {
            setReceiveTimeout(block);
        }
        // When the last whole-slice recvmsg came back without a message; the clock is read only then, never on the
        // way to a message (a clock read costs about 50 ns here, a sixth of what this class adds to a receive).
        long lastEmpty = 0;
        boolean emptyBefore = false;
        while (true) {
            boolean wholeSlice = deadline.remainingNanos() >= WAKE_SLICE_NANOS;
            ReceivedMessage message = receiveNow(block, wholeSlice ? 0 : Linux.MSG_DONTWAIT, lendSmall, tails, into,
                    head);
            if (message != null) {
                return message;
            }
            if (!isOpen()) {
                throw new IpcDisconnectedException("The receiver was closed while waiting for a message");
            }
            if (Thread.currentThread().isInterrupted()) {
                throw new IpcException("Interrupted while waiting for a message");
            }
            if (deadline.expired()) {
                return null;
            }
            if (!wholeSlice) {
                block.awaitReadable(fd(), deadline.nextWaitMillis());
                continue;
            }
            long now = System.nanoTime();
            if (emptyBefore && now - lastEmpty < WAKE_SLICE_NANOS / 2) {
                // Came back early twice in a row: someone made the shared socket non-blocking (or shortened its
                // receive timeout). Wait here instead of spinning.
                block.awaitReadable(fd(), (int) TimeUnit.NANOSECONDS.toMillis(WAKE_SLICE_NANOS));
                now = System.nanoTime();
            }
            lastEmpty = now;
            emptyBefore = true;
        }
    }

    /** Sets {@code SO_RCVTIMEO} to one slice on the socket (shared by every copy of it, in any process). */
    private void setReceiveTimeout(NativeMessage block) throws IpcException {
        Pointer timeval = block.data();
        timeval.putLong(Layouts.TIMEVAL_SEC, WAKE_SLICE_NANOS / NANOS_PER_SECOND);
        timeval.putLong(Layouts.TIMEVAL_USEC, WAKE_SLICE_NANOS % NANOS_PER_SECOND / NANOS_PER_MICRO);
        if (Native.libc().setsockopt(fd(), Linux.SOL_SOCKET, Linux.SO_RCVTIMEO, timeval, Layouts.TIMEVAL_SIZE) < 0) {
            throw Native.lastError("setsockopt(SO_RCVTIMEO)");
        }
        sliced = true;
    }

    /**
     * One {@code recvmsg}; null if nothing arrived (EAGAIN: none queued, or the receive timeout passed).
     *
     * @param wanted 0, or the bytes of the datagram (wire header included) after which the recipient wants the
     *     payload in {@code into}: scattered there if {@code into} is direct, and split there if the payload comes
     *     from a ring without inline bytes
     */
    private ReceivedMessage receiveNow(NativeMessage block, int flags, boolean lendSmall,
            IntFunction<ByteBuffer> tails, ByteBuffer into, int wanted) throws IpcException {
        if (FdPressure.active() && !descriptorsFit(block, flags)) {
            return null;
        }
        int head = wanted > 0 && into.isDirect() ? wanted : 0;
        long length = block.receiveFrom(fd(), flags, head > 0 ? into : null, head);
        if (length < 0) {
            return null;
        }
        int receivedFlags = block.receivedFlags();
        if ((receivedFlags & (Linux.MSG_CTRUNC | Linux.MSG_TRUNC)) == 0 && RingReader.isRingMessage(block, length)) {
            int ring = block.singleReceivedFd();
            if (ring >= 0) {
                FdPressure.observe(ring);
                if (head > 0) {
                    block.unscatter(length, into);
                }
                return RingReader.receive(block, length, ring, lendSmall, tails, into,
                        wanted > 0 ? wanted - WireHeader.SIZE : -1);
            }
        }
        int[] fds = block.receivedFds();
        if ((receivedFlags & Linux.MSG_CTRUNC) != 0) {
            // Our control buffer holds the kernel's maximum per datagram: the kernel could not install the rest.
            Descriptors.closeAll(fds);
            throw FdPressure.dropped(fds.length);
        }
        if ((receivedFlags & Linux.MSG_TRUNC) != 0) {
            Descriptors.closeAll(fds);
            throw WireHeader.malformed("a datagram of at most " + NativeMessage.DATA_CAPACITY + " bytes",
                    "a larger one (truncated, its descriptors closed)");
        }
        if (length == 0 && fds.length == 0) {
            if (block.peerClosed(fd())) {
                throw new IpcDisconnectedException("Every sender of the channel is closed");
            }
            throw WireHeader.malformed("a datagram with a wire header", "an empty datagram");
        }
        if (head > 0) {
            if (fds.length == 0 && block.scatteredWhole(length)) {
                int payloadLength = plainPayloadLength(block, length);
                if (payloadLength >= 0) {
                    return block.lendScattered(payloadLength, into);
                }
            }
            block.unscatter(length, into);
        }
        if (fds.length > 0) {
            FdPressure.observe(fds);
        } else if (lendSmall) {
            ReceivedMessage plain = lendPlain(block, length);
            if (plain != null) {
                return plain;
            }
        }
        try {
            return InboundMessage.decode(block, length, fds, this, tails, into);
        } catch (PayloadStream.Unfinished neverSent) {
            // Its sender stopped before its send returned: a message never sent. Nothing to deliver.
            LOG.log(System.Logger.Level.DEBUG, neverSent.getMessage());
            return null;
        }
    }

    /**
     * The datagram in {@code block} as a message lent the block, if it is a plain one: a well-formed header that
     * declares no handles, no descriptors and exactly the payload that follows it. Null for anything else, which
     * {@link InboundMessage} decodes or rejects (with a message saying what is wrong).
     *
     * @throws ipc.api.IpcLimitExceededException if the payload is larger than {@link IpcLimits#current()} allows
     */
    private static ReceivedMessage lendPlain(NativeMessage block, long length) throws IpcException {
        int payloadLength = plainPayloadLength(block, length);
        return payloadLength < 0 ? null : block.lendPayload(payloadLength);
    }

    /**
     * The payload length of the datagram of {@code length} bytes in {@code block} if it is a plain message (see
     * {@link #lendPlain}), checked against {@link IpcLimits#current()}; -1 if it is not plain.
     *
     * @throws ipc.api.IpcLimitExceededException if the payload is larger than the limits allow
     */
    private static int plainPayloadLength(NativeMessage block, long length) throws IpcException {
        ByteBuffer data = block.dataBuffer();
        if (length < WireHeader.SIZE
                || data.getInt(WireHeader.MAGIC_OFFSET) != WireHeader.MAGIC
                || data.get(WireHeader.VERSION_OFFSET) != WireHeader.VERSION
                || data.get(WireHeader.TYPE_OFFSET) != WireHeader.TYPE_MESSAGE
                || data.getShort(WireHeader.FLAGS_OFFSET) != 0
                || data.getInt(WireHeader.HANDLES_OFFSET) != 0
                || data.getInt(WireHeader.FDS_OFFSET) != 0
                || data.getLong(WireHeader.PAYLOAD_LENGTH_OFFSET) != length - WireHeader.SIZE) {
            return -1;
        }
        int payloadLength = (int) (length - WireHeader.SIZE);
        IpcLimits.current().check(payloadLength, 0);
        return payloadLength;
    }

    /**
     * Under descriptor pressure: peeks at the next datagram, which installs copies of its descriptors without taking
     * it off the queue, to learn whether they fit. They are closed again at once; the real receive follows.
     *
     * @return {@code false} if nothing is queued (the receive returns null as it would have)
     * @throws IpcException if the descriptors do not fit ({@link ipc.api.IpcDescriptorLimitException}; the
     *     message stays queued), or the peek fails
     */
    private boolean descriptorsFit(NativeMessage block, int flags) throws IpcException {
        long length = block.receiveFrom(fd(), flags | Linux.MSG_PEEK);
        if (length < 0) {
            return false;
        }
        int[] copies = block.receivedFds();
        Descriptors.closeAll(copies);
        if ((block.receivedFlags() & Linux.MSG_CTRUNC) != 0) {
            throw FdPressure.wouldNotFit();
        }
        FdPressure.recheck();
        return true;
    }

    /**
     * How many threads are inside a call on this receiver right now: its receives, and the hold of a receiver set
     * it is a member of; for diagnostics and tests. Read from the descriptor's use count, so that a receive pays
     * no atomic operation of its own for it.
     */
    int waitingThreads() {
        return callsInFlight();
    }
}
