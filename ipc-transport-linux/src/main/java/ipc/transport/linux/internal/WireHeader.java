package ipc.transport.linux.internal;

import ipc.api.IpcException;
import ipc.api.spi.TransportHandle;
import java.nio.ByteBuffer;

/**
 * The transport's wire header, at the start of every datagram a channel carries, in the host's byte order (both
 * ends of a socket pair run on one host):
 *
 * <pre>
 * offset size field
 *      0    4 magic          {@link #MAGIC}
 *      4    1 version        {@link #VERSION}
 *      5    1 type           {@link #TYPE_MESSAGE} or {@link #TYPE_OVERFLOW}
 *      6    2 flags          {@link #FLAG_PAYLOAD_STREAMED}, {@link #FLAG_HANDLE_OVERFLOW}, {@link #FLAG_PAYLOAD_RING}
 *                            (messages only)
 *      8    4 handle count   message: every handle of the message; overflow: the handles of this datagram
 *     12    4 fd count       descriptors attached to this datagram (SCM_RIGHTS)
 *     16    8 payload length bytes of the message payload (0 in an overflow datagram)
 *     24    n handle kinds   message only: one byte per handle of the message ({@link #kindCode})
 *   24+n    m payload        message only: exactly {@code payload length} bytes, or when
 *                            {@link #FLAG_PAYLOAD_STREAMED}, the first m bytes of the payload (m &lt;= payload length,
 *                            the rest follows on the stream: {@link PayloadStream}), or when
 *                            {@link #FLAG_PAYLOAD_RING}, the first m bytes followed by the ring slot's number (4
 *                            bytes), the rest of the payload being in that slot ({@link SendRing})
 * </pre>
 *
 * <p>The descriptors of a message datagram are, in order: its first handles, then, if
 * {@link #FLAG_PAYLOAD_STREAMED}, the receiving end of the payload stream and the memfd for the rest of the payload,
 * or if {@link #FLAG_PAYLOAD_RING} (then alone: no handles) the sender's ring,
 * then the receiving end of the overflow socket pair (if
 * {@link #FLAG_HANDLE_OVERFLOW}) from which the remaining handles are read, {@link #TYPE_OVERFLOW} datagrams of at
 * most {@link Linux#SCM_MAX_FD} descriptors each.
 *
 * <p>Because every datagram starts with this header, a {@code recvmsg} result of 0 bytes is always end-of-file,
 * never a message.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 */
final class WireHeader {

    /** {@code "jipc"} read as a big-endian int; a datagram that does not start with it is not ours. */
    static final int MAGIC = 0x6a697063;
    /**
     * Bumped whenever two builds could no longer understand each other: 3 added the sender's ring, 4 changed the
     * ring's geometry (sixteen slots; a receiver checks a ring's exact size before mapping it).
     */
    static final byte VERSION = 4;
    static final byte TYPE_MESSAGE = 1;
    static final byte TYPE_OVERFLOW = 2;
    /** The payload continues on a stream whose end and memfd ride in the datagram ({@link PayloadStream}). */
    static final short FLAG_PAYLOAD_STREAMED = 0x1;
    static final short FLAG_HANDLE_OVERFLOW = 0x2;
    /** The payload, after the inline bytes, waits in a slot of the sender's ring, whose memfd rides alone. */
    static final short FLAG_PAYLOAD_RING = 0x4;
    private static final short KNOWN_FLAGS = FLAG_PAYLOAD_STREAMED | FLAG_HANDLE_OVERFLOW | FLAG_PAYLOAD_RING;

    static final int MAGIC_OFFSET = 0;
    static final int VERSION_OFFSET = 4;
    static final int TYPE_OFFSET = 5;
    static final int FLAGS_OFFSET = 6;
    static final int HANDLES_OFFSET = 8;
    static final int FDS_OFFSET = 12;
    static final int PAYLOAD_LENGTH_OFFSET = 16;
    /** The size of the fixed part; handle kinds follow. */
    static final int SIZE = 24;

    /** The largest payload a receiver accepts: the largest Java array. */
    static final long MAX_PAYLOAD = Integer.MAX_VALUE - 8;

    private static final byte KIND_SENDER = 1;
    private static final byte KIND_RECEIVER = 2;
    private static final byte KIND_SHARED_MEMORY = 3;

    private WireHeader() {}

    /** Writes the fixed part of a header at index 0 of {@code data} (a buffer in native byte order). */
    static void write(ByteBuffer data, byte type, short flags, int handles, int fds, long payloadLength) {
        data.putInt(MAGIC_OFFSET, MAGIC);
        data.put(VERSION_OFFSET, VERSION);
        data.put(TYPE_OFFSET, type);
        data.putShort(FLAGS_OFFSET, flags);
        data.putInt(HANDLES_OFFSET, handles);
        data.putInt(FDS_OFFSET, fds);
        data.putLong(PAYLOAD_LENGTH_OFFSET, payloadLength);
    }

    /** The wire code of a handle kind. */
    static byte kindCode(TransportHandle.Kind kind) {
        return switch (kind) {
            case SENDER -> KIND_SENDER;
            case RECEIVER -> KIND_RECEIVER;
            case SHARED_MEMORY -> KIND_SHARED_MEMORY;
        };
    }

    /**
     * The handle kind of a wire code.
     *
     * @throws IpcException for an unknown code
     */
    static TransportHandle.Kind kind(byte code, int index) throws IpcException {
        return switch (code) {
            case KIND_SENDER -> TransportHandle.Kind.SENDER;
            case KIND_RECEIVER -> TransportHandle.Kind.RECEIVER;
            case KIND_SHARED_MEMORY -> TransportHandle.Kind.SHARED_MEMORY;
            default -> throw malformed("a handle kind of " + KIND_SENDER + " to " + KIND_SHARED_MEMORY
                    + " for handle " + index, String.valueOf(code));
        };
    }

    /**
     * Checks the magic, version and type of a received datagram of {@code length} bytes.
     *
     * @throws IpcException saying what was expected and what arrived
     */
    static void check(ByteBuffer data, long length, byte expectedType) throws IpcException {
        if (length < SIZE) {
            throw malformed("a datagram of at least " + SIZE + " bytes (the wire header)", length + " bytes");
        }
        int magic = data.getInt(MAGIC_OFFSET);
        if (magic != MAGIC) {
            throw malformed(String.format("the wire header magic 0x%08x", MAGIC), String.format("0x%08x", magic));
        }
        byte version = data.get(VERSION_OFFSET);
        if (version != VERSION) {
            throw malformed("wire format version " + VERSION, "version " + version
                    + " (the peer runs an incompatible version of ipc-channel)");
        }
        byte type = data.get(TYPE_OFFSET);
        if (type != expectedType) {
            throw malformed("a datagram of type " + expectedType, "type " + type);
        }
        short flags = data.getShort(FLAGS_OFFSET);
        if ((flags & ~KNOWN_FLAGS) != 0 || (expectedType != TYPE_MESSAGE && flags != 0)) {
            throw malformed("flags within 0x" + Integer.toHexString(KNOWN_FLAGS), "0x" + Integer.toHexString(flags));
        }
    }

    /** An exception for a malformed datagram. */
    static IpcException malformed(String expected, String got) {
        return new IpcException("Malformed transport frame: expected " + expected + ", got " + got);
    }
}
