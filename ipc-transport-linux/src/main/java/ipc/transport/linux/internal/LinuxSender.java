package ipc.transport.linux.internal;

import ipc.api.IpcException;
import ipc.api.spi.SenderEndpoint;
import ipc.api.spi.TransportHandle;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * The sending end of a channel: one descriptor of an {@code AF_UNIX SOCK_SEQPACKET} socket pair. Each message is
 * one datagram ({@link OutboundMessage}), sent with {@code MSG_NOSIGNAL}: a receiver that is gone gives an
 * {@link ipc.api.IpcDisconnectedException}, never SIGPIPE. A message without handles whose payload is
 * {@link SendRing#MIN_PAYLOAD} to {@link SendRing#SLOT_BYTES} bytes has its payload copied into this sender's ring
 * (shared memory the receiver maps, made at the first such message and closed with the sender), and its datagram
 * carries only the ring and the slot. With no slot free the send waits for one up to {@link SendRing#WAIT_NANOS},
 * then goes the ordinary way, as it does while the ring cannot be made.
 *
 * <h2>When a send waits</h2>
 * Only while the socket's buffer is full of messages the receiver has not read yet: with the default
 * {@code SO_SNDBUF} of 212,992 bytes that is about 208 KiB of inline payload, or 278 messages, whichever comes
 * first (measured). A large message streams to the receiver while it reads, and does not wait for one that does
 * not: after {@link PayloadStream#HANDOFF_NANOS} (plus 1 ms per MiB) without progress the rest goes into a memfd,
 * so a thread may send one message of any size and then receive it itself. The other side of that coin is that up
 * to 278 unread large messages may be queued, each holding its payload in memory.
 * A send waiting for room ends within {@link LinuxReceiver#WAKE_SLICE_NANOS} if this sender is closed meanwhile,
 * with an {@link IpcException}.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: concurrent sends deliver whole messages, never interleaved. {@link #close()} may race with a send;
 * the descriptor is closed once the send returns.
 */
public final class LinuxSender extends FdHandle implements SenderEndpoint {

    private static final System.Logger LOG = System.getLogger(LinuxSender.class.getName());

    /**
     * How long after a failure to make this sender's ring (descriptor or memory pressure at that moment) the next
     * message that qualifies tries again; meanwhile payloads go the ordinary way.
     */
    static final long RING_RETRY_NANOS = 1_000_000_000L;

    /** This sender's ring ({@link SendRing}), made at its first message that qualifies; null before. */
    private volatile SendRing ring;
    /** Whether an attempt to make the ring failed (read only while there is none); {@link #ringFailedAt} says when. */
    private volatile boolean ringFailed;
    /** {@link System#nanoTime()} of the last failed attempt to make the ring. */
    private volatile long ringFailedAt;

    private LinuxSender(int fd) {
        super(fd);
    }

    /**
     * This sender's ring, made now if this is the first call, or the first since {@link #RING_RETRY_NANOS} after a
     * failed attempt; null if there is none. Called only by a send in flight, so the ring is never made after
     * {@link #freeResources()} ran.
     */
    SendRing ring() {
        SendRing made = ring;
        if (made != null || waitingToRetry()) {
            return made;
        }
        synchronized (this) {
            if (ring == null && !waitingToRetry()) {
                try {
                    ring = SendRing.create(); // from now on ring() returns it before looking at failures
                } catch (IpcException e) {
                    ringFailedAt = System.nanoTime();
                    ringFailed = true;
                    LOG.log(System.Logger.Level.DEBUG, "No message ring for " + this + " for now, payloads go the "
                            + "ordinary way: " + e.getMessage());
                }
            }
            return ring;
        }
    }

    /** This sender's ring if it was made, without making it; for tests. */
    SendRing ringIfMade() {
        return ring;
    }

    private boolean waitingToRetry() {
        return ringFailed && System.nanoTime() - ringFailedAt < RING_RETRY_NANOS;
    }

    @Override
    protected void freeResources() {
        SendRing made = ring;
        if (made != null) {
            made.close();
        }
    }

    /**
     * Takes ownership of the sending end of a channel.
     *
     * @param fd a connected {@code AF_UNIX SOCK_SEQPACKET} socket, owned by no one else from now on
     * @return the sender
     */
    public static LinuxSender adopt(int fd) {
        return new LinuxSender(fd);
    }

    /**
     * {@inheritDoc}
     *
     * @throws IllegalStateException if this sender is closed
     * @throws IllegalArgumentException if a handle is closed, of another transport, or there are more than
     *     {@value HandleOverflow#MAX_HANDLES}
     */
    @Override
    public void send(ByteBuffer frame, List<? extends TransportHandle> handles) throws IpcException {
        Objects.requireNonNull(frame, "frame");
        sendFrame(frame, null, handles);
    }

    /**
     * {@inheritDoc} Each part is copied once, into the datagram or the payload stream, from where it is.
     *
     * @throws IllegalStateException if this sender is closed
     * @throws IllegalArgumentException if a handle is closed, of another transport, or there are more than
     *     {@value HandleOverflow#MAX_HANDLES}
     */
    @Override
    public void send(ByteBuffer[] parts, List<? extends TransportHandle> handles) throws IpcException {
        for (ByteBuffer part : Objects.requireNonNull(parts, "parts")) {
            Objects.requireNonNull(part, "part");
        }
        sendFrame(null, parts, handles);
    }

    /** A message with handles: {@code frame}, or else {@code parts} one after the other. */
    private void sendFrame(ByteBuffer frame, ByteBuffer[] parts, List<? extends TransportHandle> handles)
            throws IpcException {
        Objects.requireNonNull(handles, "handles");
        if (!tryAcquire()) {
            throw new IllegalStateException("The sender is closed");
        }
        try {
            if (frame != null) {
                OutboundMessage.send(fd(), this, frame, handles);
            } else {
                OutboundMessage.send(fd(), this, parts, handles);
            }
        } finally {
            release();
        }
    }

    @Override
    public void send(ByteBuffer prefix, ByteBuffer payload) throws IpcException {
        send(prefix, Objects.requireNonNull(payload, "payload"), null);
    }

    @Override
    public void send(ByteBuffer prefix, byte[] payload) throws IpcException {
        send(prefix, null, Objects.requireNonNull(payload, "payload"));
    }

    /** A message without handles: {@code prefix}, then {@code buffer}'s remaining bytes or else all of {@code array}. */
    private void send(ByteBuffer prefix, ByteBuffer buffer, byte[] array) throws IpcException {
        Objects.requireNonNull(prefix, "prefix");
        if (!tryAcquire()) {
            throw new IllegalStateException("The sender is closed");
        }
        try {
            OutboundMessage.send(fd(), this, prefix, buffer, array);
        } finally {
            release();
        }
    }

    /**
     * {@inheritDoc} The copy is a new descriptor ({@code fcntl(F_DUPFD_CLOEXEC)}) for the same socket.
     *
     * @throws IllegalStateException if this sender is closed
     */
    @Override
    public LinuxSender duplicate() throws IpcException {
        if (!tryAcquire()) {
            throw new IllegalStateException("The sender is closed");
        }
        try {
            return new LinuxSender(Descriptors.duplicate(fd()));
        } finally {
            release();
        }
    }
}
