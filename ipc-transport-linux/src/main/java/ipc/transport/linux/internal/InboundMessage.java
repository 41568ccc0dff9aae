package ipc.transport.linux.internal;

import ipc.api.IpcException;
import ipc.api.IpcLimits;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.TransportHandle;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * Turns one received message datagram and its descriptors into a {@link ReceivedMessage}, trusting nothing: the
 * header must be ours, every length must agree with what arrived, a descriptor that is mapped (a shared-memory
 * region, the memfd of a large payload) must be a sealed memfd of the declared size, and a payload stream a
 * {@code SOCK_SEQPACKET} socket (it is read within the receive). On any disagreement every descriptor of the
 * message is closed and an {@link IpcException} says what was expected and what arrived; the channel stays usable.
 *
 * <h2>Channel ends are not checked on arrival</h2>
 * A descriptor that arrives as a sender or a receiver is wrapped as it is: checking its socket type here would cost
 * a system call ({@code getsockopt(SO_TYPE)}) per handle on every transfer, more than the {@code close} of the
 * descriptor, and it would protect nothing that the handle's first use does not. A peer that sends something else:
 * <ul>
 *   <li>a descriptor that is not a socket (a pipe, a file, a memfd): every use fails with an {@link IpcException}
 *       ({@code sendmsg}, {@code recvmsg} or {@code setsockopt(SO_RCVTIMEO)}: "Socket operation on non-socket"),
 *       and adding it to a receiver set fails at once ({@link EpollReceiverSet#add} checks the type, since such a
 *       descriptor may be always readable and never drained);</li>
 *   <li>a socket of another type, or a {@code SOCK_SEQPACKET} socket connected to wherever it likes: sends go to,
 *       and receives come from, a socket the peer chose, which a valid channel end whose other end the peer holds
 *       allows as well; every datagram received is still validated as above. A receiver set refuses a socket of
 *       another type or of another family than {@code AF_UNIX} at {@code add};</li>
 *   <li>an {@code AF_UNIX SOCK_SEQPACKET} socket that is not connected (or listens): every receive fails with
 *       {@code ENOTCONN} ({@link SocketReceiveException}); a receiver set reports such a member closed and removes it,
 *       since epoll reports it ready for good.</li>
 * </ul>
 * Forwarding such a handle inside another message moves it on unchanged, to be refused by its next user.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one instance decodes one message on one thread.
 */
final class InboundMessage {

    private static final byte[] NO_KINDS = new byte[0];
    /** Descriptors a streamed payload adds to the datagram: the stream's receiving end and the memfd. */
    private static final int STREAM_FDS = 2;
    /**
     * From this payload size on, the frame is a view of the receive block, lent to the message until it is released,
     * which saves a copy of the payload; below it the payload is copied to the heap, which costs less than keeping a
     * 210 KiB block per message undecoded (a receiver set receives up to one message per ready receiver at once).
     */
    static final int LEND_THRESHOLD = 16 << 10;

    private final NativeMessage block;
    private final long length;
    /** Descriptors not yet owned by a handle, closed on failure; -1 once taken. */
    private int[] pending;
    private List<TransportHandle> handles = List.of();
    /** The receiver, checked while a streamed payload arrives; may be null. */
    private final FdHandle owner;
    /** Where the streamed part of a payload goes. */
    private final IntFunction<ByteBuffer> tails;
    /** The recipient's buffer for a streamed part that fits in it, or null. */
    private final ByteBuffer into;

    private InboundMessage(NativeMessage block, long length, int[] fds, FdHandle owner, IntFunction<ByteBuffer> tails,
            ByteBuffer into) {
        this.block = block;
        this.length = length;
        this.pending = fds;
        this.owner = owner;
        this.tails = tails;
        this.into = into;
    }

    /** New heap arrays for streamed payloads: what a recipient that did not choose gets. */
    static final IntFunction<ByteBuffer> NEW_ARRAYS = length -> ByteBuffer.wrap(new byte[length]);

    /**
     * Decodes the datagram in {@code block}.
     *
     * @param length the datagram's length as {@code recvmsg} returned it
     * @param fds the descriptors that arrived with it; owned by this call (closed on failure)
     * @param owner the receiver, checked while a streamed payload arrives (closing it ends the wait); may be null
     * @param tails where the streamed part of a payload goes ({@link NEW_ARRAYS} if the recipient has no choice)
     * @param into where the streamed part goes if it fits in its remaining bytes (rather than {@code tails}); may be
     *     null
     * @return the message
     * @throws IpcException if the datagram or its descriptors are not a valid message
     */
    static ReceivedMessage decode(NativeMessage block, long length, int[] fds, FdHandle owner,
            IntFunction<ByteBuffer> tails, ByteBuffer into) throws IpcException {
        InboundMessage message = new InboundMessage(block, length, fds, owner, tails, into);
        try {
            return message.decode();
        } catch (IpcException | RuntimeException | Error e) {
            message.discard();
            throw e;
        }
    }

    private ReceivedMessage decode() throws IpcException {
        ByteBuffer data = block.dataBuffer();
        WireHeader.check(data, length, WireHeader.TYPE_MESSAGE);
        short flags = data.getShort(WireHeader.FLAGS_OFFSET);
        int handleCount = data.getInt(WireHeader.HANDLES_OFFSET);
        int fdCount = data.getInt(WireHeader.FDS_OFFSET);
        long payloadLength = data.getLong(WireHeader.PAYLOAD_LENGTH_OFFSET);
        if ((flags & WireHeader.FLAG_PAYLOAD_RING) != 0) {
            // A valid one has exactly one descriptor and goes to RingReader instead.
            throw WireHeader.malformed("a ring message with no handles and one descriptor", handleCount
                    + " handles, " + pending.length + " descriptors, flags 0x" + Integer.toHexString(flags));
        }
        boolean streamed = (flags & WireHeader.FLAG_PAYLOAD_STREAMED) != 0;
        boolean overflow = (flags & WireHeader.FLAG_HANDLE_OVERFLOW) != 0;
        int inlineHandles = fdCount - (streamed ? STREAM_FDS : 0) - (overflow ? 1 : 0);
        if (fdCount != pending.length) {
            throw WireHeader.malformed(fdCount + " descriptors as declared", pending.length + " descriptors");
        }
        if (handleCount < 0 || handleCount > HandleOverflow.MAX_HANDLES || inlineHandles < 0
                || inlineHandles > handleCount || overflow == (inlineHandles == handleCount)) {
            throw WireHeader.malformed("a handle count of 0 to " + HandleOverflow.MAX_HANDLES + " that matches "
                    + "the descriptors", handleCount + " handles, " + fdCount + " descriptors, flags 0x"
                    + Integer.toHexString(flags));
        }
        if (payloadLength < 0 || payloadLength > WireHeader.MAX_PAYLOAD) {
            throw WireHeader.malformed("a payload length of 0 to " + WireHeader.MAX_PAYLOAD, payloadLength + " bytes");
        }
        IpcLimits.current().check(payloadLength, handleCount);
        long inline = length - WireHeader.SIZE - handleCount;
        if (streamed ? inline < 0 || inline > payloadLength : inline != payloadLength) {
            throw WireHeader.malformed("a datagram of " + (streamed ? "at most " : "")
                    + (WireHeader.SIZE + handleCount + payloadLength) + " bytes for " + handleCount + " handles and a "
                    + payloadLength + "-byte " + (streamed ? "streamed payload" : "payload"), length + " bytes");
        }
        byte[] kinds = handleCount == 0 ? NO_KINDS : new byte[handleCount];
        data.get(WireHeader.SIZE, kinds);
        ByteBuffer frame;
        ByteBuffer tail = null;
        boolean lent = false;
        if (streamed) {
            // The sender's prefix (if any) came inline; the rest is read into a buffer of the recipient's choosing,
            // so that one that wants exactly the bytes after the prefix gets them without a copy.
            byte[] head = new byte[(int) inline];
            data.get(WireHeader.SIZE + handleCount, head);
            frame = ByteBuffer.wrap(head);
            tail = readStream(inlineHandles, (int) (payloadLength - inline));
            if (inline == 0) {
                frame = tail;
                tail = null;
            }
        } else if (overflow || payloadLength < LEND_THRESHOLD) {
            // A small payload is cheaper to copy than a block is to hold (a receiver set takes many messages at
            // once, each would need its own block); and reading the overflow reuses the block.
            byte[] payload = new byte[(int) payloadLength];
            data.get(WireHeader.SIZE + handleCount, payload);
            frame = ByteBuffer.wrap(payload);
        } else {
            // A view of the block, lent to the message until its recipient releases it.
            frame = data.slice(WireHeader.SIZE + handleCount, (int) payloadLength);
            lent = true;
        }
        if (overflow) {
            readOverflow(inlineHandles, handleCount);
        }
        if (handleCount > 0) {
            handles = new ArrayList<>(handleCount);
            for (int i = 0; i < handleCount; i++) {
                handles.add(adopt(WireHeader.kind(kinds[i], i), i));
            }
        }
        if (lent) {
            block.lend();
            return new ReceivedMessage(frame, handles, block.loanReturner());
        }
        return tail != null ? ReceivedMessage.withTail(frame, tail, handles) : new ReceivedMessage(frame, handles);
    }

    /** Reads the streamed part of a payload ({@link PayloadStream}), then closes the stream's descriptors. */
    private ByteBuffer readStream(int streamIndex, int length) throws IpcException {
        int socket = pending[streamIndex];
        Descriptors.checkChannelSocket(socket, block, "the payload stream");
        ByteBuffer payload = PayloadStream.read(socket, pending[streamIndex + 1], length, into, tails, block.data(),
                owner);
        closePending(streamIndex);
        closePending(streamIndex + 1);
        return payload;
    }

    /** Replaces {@link #pending} by the inline handles followed by those read from the overflow socket. */
    private void readOverflow(int inlineHandles, int handleCount) throws IpcException {
        int socketIndex = pending.length - 1;
        int[] more = HandleOverflow.read(pending[socketIndex], handleCount - inlineHandles, block);
        closePending(socketIndex);
        // Past the inline handles, pending holds only closed slots (payload stream and memfd, overflow socket): overwritten.
        int[] all = Arrays.copyOf(pending, handleCount);
        System.arraycopy(more, 0, all, inlineHandles, more.length);
        pending = all;
    }

    /**
     * Wraps the descriptor of handle {@code index}, which from then on belongs to the handle. A shared-memory region
     * is checked here, before anything maps it; a channel end is not (see the class comment).
     */
    private TransportHandle adopt(TransportHandle.Kind kind, int index) throws IpcException {
        int fd = pending[index];
        pending[index] = -1; // from here on the handle, or LinuxSharedMemory.adopt's failure path, owns it
        return switch (kind) {
            case SHARED_MEMORY -> LinuxSharedMemory.adopt(fd); // closes fd if it is rejected
            case SENDER -> LinuxSender.adopt(fd);
            case RECEIVER -> LinuxReceiver.adopt(fd);
        };
    }

    private void closePending(int index) {
        Descriptors.closeQuietly(pending[index]);
        pending[index] = -1;
    }

    private void discard() {
        Descriptors.closeAll(pending);
        for (TransportHandle handle : handles) {
            handle.close();
        }
    }
}
