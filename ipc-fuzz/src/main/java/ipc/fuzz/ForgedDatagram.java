package ipc.fuzz;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One datagram a hostile peer sends on a channel's socket, built from a fuzz input: the bytes (wire header, handle
 * kinds, payload: whatever the input says) and real descriptors of any kind attached with {@code SCM_RIGHTS}.
 *
 * <h2>Input layout</h2>
 * <pre>
 * byte     count of attached descriptors (mod {@value #MAX_FDS} + 1)
 * per fd   a kind byte ({@link Kind}, mod the number of kinds), then the kind's parameters:
 *            memfds: one size byte (0 to 255 bytes)
 *            OVERFLOW: a count byte (mod 4) of datagrams queued in the overflow socket, each as
 *                      count of fds, kinds as above (no nested overflow), a length byte, then that many bytes
 * rest     the datagram's bytes, sent as they are
 * </pre>
 * A missing byte reads as 0. The harness owns every descriptor it opened for the input (the attached ones, their
 * peers, the overflow socket's sending end) and closes them all in {@link #close()}: the kernel gave the receiver
 * its own copies.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one input, one thread.
 */
public final class ForgedDatagram implements AutoCloseable {

    /** The most descriptors one forged datagram carries. */
    public static final int MAX_FDS = 7;
    private static final int MAX_OVERFLOW_DATAGRAMS = 3;

    /** The kinds of descriptor a forged datagram can carry. */
    public enum Kind {
        /** One end of a fresh {@code SOCK_SEQPACKET} pair: what a sender or receiver handle is. */
        CHANNEL_END,
        /** A duplicate of the sending end of the very channel the datagram travels on. */
        OWN_SENDING_END,
        /** The reading end of a pipe. */
        PIPE,
        /** One end of a {@code SOCK_STREAM} pair. */
        STREAM_SOCKET,
        /** One end of a {@code SOCK_DGRAM} pair. */
        DATAGRAM_SOCKET,
        /** A memfd without seals. */
        UNSEALED_MEMFD,
        /** A memfd sealed as the transport seals one (of the size in the next byte). */
        SEALED_MEMFD,
        /** A memfd sealed against shrinking and growing, but still writable. */
        WRITABLE_MEMFD,
        /** An eventfd. */
        EVENTFD,
        /** A regular file. */
        REGULAR_FILE,
        /** The receiving end of a socket pair holding forged overflow datagrams. */
        OVERFLOW,
        /** A memfd of a sender's ring's size, sealed as a ring is (shrink and grow), zero-filled. */
        RING
    }

    private static final Kind[] KINDS = Kind.values();

    private final List<Integer> owned = new ArrayList<>();
    private final int ownSendingEnd;
    private final byte[] input;
    private int position;
    private int[] attached;
    private byte[] datagram;

    private ForgedDatagram(byte[] input, int ownSendingEnd) {
        this.input = input;
        this.ownSendingEnd = ownSendingEnd;
    }

    /**
     * Builds the datagram of {@code input}, opening its descriptors.
     *
     * @param input the fuzz input
     * @param ownSendingEnd the sending socket of the channel under test (duplicated for {@link Kind#OWN_SENDING_END})
     * @return the datagram; close it after sending
     */
    public static ForgedDatagram of(byte[] input, int ownSendingEnd) {
        ForgedDatagram forged = new ForgedDatagram(input, ownSendingEnd);
        try {
            forged.attached = forged.readFds(true);
            forged.datagram = Arrays.copyOfRange(input, Math.min(forged.position, input.length), input.length);
            return forged;
        } catch (RuntimeException | Error e) {
            forged.close();
            throw e;
        }
    }

    /**
     * Whether the datagram declares a message whose payload is streamed ({@link Seeds#FLAG_PAYLOAD_STREAMED}): such a
     * message may legitimately vanish, since a stream that ends short with its memfd never sealed is a message whose
     * sender stopped before its send returned, which the receiver drops unseen.
     *
     * @return whether the header has our magic, the message type and the streamed flag
     */
    public boolean declaresStreamedPayload() {
        if (datagram.length < 8) {
            return false;
        }
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(datagram).order(java.nio.ByteOrder.nativeOrder());
        return header.getInt(0) == Seeds.WIRE_MAGIC && header.get(5) == Seeds.TYPE_MESSAGE
                && (header.getShort(6) & Seeds.FLAG_PAYLOAD_STREAMED) != 0;
    }

    /**
     * The wire format version the datagram's header declares, if it starts with our magic.
     *
     * @return the version byte, or -1 if the datagram is too short or not ours
     */
    public int declaredWireVersion() {
        if (datagram.length < 5) {
            return -1;
        }
        java.nio.ByteBuffer header = java.nio.ByteBuffer.wrap(datagram).order(java.nio.ByteOrder.nativeOrder());
        return header.getInt(0) == Seeds.WIRE_MAGIC ? Byte.toUnsignedInt(header.get(4)) : -1;
    }

    /**
     * Sends the datagram with its descriptors.
     *
     * @param socket the sending socket
     * @return whether the kernel took it
     */
    public boolean sendTo(int socket) {
        return RawSockets.send(socket, datagram, attached);
    }

    /**
     * The descriptors attached, in order.
     *
     * @return a copy
     */
    public int[] attached() {
        return attached.clone();
    }

    private int next() {
        int value = position < input.length ? input[position] & 0xff : 0;
        position++;
        return value;
    }

    private int[] readFds(boolean topLevel) {
        int count = next() % (MAX_FDS + 1);
        int[] fds = new int[count];
        for (int i = 0; i < count; i++) {
            Kind kind = KINDS[next() % KINDS.length];
            if (kind == Kind.OVERFLOW && !topLevel) {
                kind = Kind.CHANNEL_END;
            }
            fds[i] = open(kind);
        }
        return fds;
    }

    private int open(Kind kind) {
        return switch (kind) {
            case CHANNEL_END -> pair(RawSockets.seqpacketPair());
            case OWN_SENDING_END -> own(RawSockets.dup(ownSendingEnd));
            case PIPE -> pair(RawSockets.pipe());
            case STREAM_SOCKET -> pair(RawSockets.socketPair(RawSockets.SOCK_STREAM));
            case DATAGRAM_SOCKET -> pair(RawSockets.socketPair(RawSockets.SOCK_DGRAM));
            case UNSEALED_MEMFD -> own(RawSockets.memfd(next(), 0));
            case SEALED_MEMFD -> own(RawSockets.sealedMemfd(next()));
            case WRITABLE_MEMFD -> own(RawSockets.memfd(next(), RawSockets.F_SEAL_SHRINK | RawSockets.F_SEAL_GROW));
            case EVENTFD -> own(RawSockets.eventfd());
            case REGULAR_FILE -> own(RawSockets.regularFile());
            case OVERFLOW -> overflow();
            case RING -> own(RawSockets.memfd(Seeds.RING_SIZE, RawSockets.F_SEAL_SHRINK | RawSockets.F_SEAL_GROW));
        };
    }

    /** A socket pair whose sending end holds forged overflow datagrams, closed as a real sender closes it. */
    private int overflow() {
        int[] pair = RawSockets.seqpacketPair();
        owned.add(pair[1]);
        try {
            int datagrams = next() % (MAX_OVERFLOW_DATAGRAMS + 1);
            for (int i = 0; i < datagrams; i++) {
                int[] fds = readFds(false);
                int length = next();
                int from = Math.min(position, input.length);
                byte[] bytes = Arrays.copyOfRange(input, from, Math.min(from + length, input.length));
                position += length;
                RawSockets.send(pair[0], bytes, fds);
            }
        } finally {
            RawSockets.close(pair[0]);
        }
        return pair[1];
    }

    private int pair(int[] fds) {
        owned.add(fds[1]);
        return own(fds[0]);
    }

    private int own(int fd) {
        owned.add(fd);
        return fd;
    }

    /** Closes every descriptor the harness opened for this input. */
    @Override
    public void close() {
        for (int fd : owned) {
            RawSockets.close(fd);
        }
        owned.clear();
    }
}
