package ipc.soak;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.zip.CRC32C;

/**
 * What one side sends: the mix of message sizes and handles, drawn from a seeded random source, and the checksums
 * both sides compute.
 *
 * <p>Inline payloads range from tens of bytes to 4 MiB and straddle {@link #DATAGRAM_LIMIT}, above which the Linux
 * transport moves a payload in a sealed memfd instead of the datagram itself, so both paths are exercised. Contents
 * are slices of a random pool at random offsets, stamped with the message's identity, so that producing them costs
 * a copy and no two messages are alike.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; each link uses its own instance from one thread.
 */
final class Traffic {

    /** The largest payload that travels inline in one datagram on Linux. */
    static final int DATAGRAM_LIMIT = 212_952;
    /** The largest inline payload sent. */
    static final int MAX_INLINE = 4 << 20;
    /** The largest shared memory region sent. */
    static final int MAX_REGION = 1 << 20;

    private static final int POOL_SIZE = 1 << 20;
    private static final int STAMP_BYTES = Long.BYTES * 2;
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final SplittableRandom random;
    private final byte[] pool = new byte[POOL_SIZE];

    Traffic(long seed) {
        random = new SplittableRandom(seed);
        random.nextBytes(pool);
    }

    /**
     * The size of the inline payload of message {@code seq}: mostly small, sometimes just below or just above the
     * datagram limit, now and then megabytes. The first message of every lane is above the limit, so that even a
     * short-lived link takes the memfd path.
     */
    int inlineSize(long seq) {
        if (seq == 1) {
            return random.nextInt(DATAGRAM_LIMIT + 1, 1 << 20);
        }
        int dice = random.nextInt(100);
        if (dice < 50) {
            return random.nextInt(16, 1024);
        } else if (dice < 75) {
            return random.nextInt(1024, 64 << 10);
        } else if (dice < 85) {
            return random.nextInt(64 << 10, 200 << 10);
        } else if (dice < 93) {
            return random.nextInt(DATAGRAM_LIMIT - 8192, DATAGRAM_LIMIT + 8192); // either side of the limit
        }
        return random.nextInt(256 << 10, MAX_INLINE + 1);
    }

    /** Whether message {@code seq} carries a shared memory region: the second of a lane, then one in seven. */
    boolean withRegion(long seq) {
        return seq == 2 || random.nextInt(7) == 0;
    }

    /** The size of a shared memory region: 1 byte to 1 MiB. */
    int regionSize() {
        return random.nextInt(1, MAX_REGION + 1);
    }

    /** Whether message {@code seq} carries a token channel's receiver: the second of a lane, then one in ten. */
    boolean withToken(long seq) {
        return seq == 2 || random.nextInt(10) == 0;
    }

    /**
     * Whether message {@code seq} carries the sender its acknowledgement must go to: the second of a lane, then one
     * in ten.
     */
    boolean withReplyTo(long seq) {
        return seq == 2 || random.nextInt(10) == 0;
    }

    /**
     * Fresh contents of {@code size} bytes: a slice of the pool at a random offset (repeated past the pool's end),
     * its first bytes overwritten with {@code stamp} and {@code seq} where they fit.
     */
    byte[] contents(int size, long stamp, long seq) {
        byte[] bytes = new byte[size];
        int offset = random.nextInt(POOL_SIZE);
        for (int at = 0; at < size; ) {
            int n = Math.min(size - at, POOL_SIZE - offset);
            System.arraycopy(pool, offset, bytes, at, n);
            at += n;
            offset = 0;
        }
        if (size >= STAMP_BYTES) {
            ByteBuffer.wrap(bytes).putLong(stamp).putLong(seq);
        }
        return bytes;
    }

    /** The CRC-32C of {@code bytes}. */
    static long crc(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes);
        return crc.getValue();
    }

    /** The CRC-32C of {@code buffer}'s remaining bytes; its position is unchanged. */
    static long crc(ByteBuffer buffer) {
        CRC32C crc = new CRC32C();
        crc.update(buffer.duplicate());
        return crc.getValue();
    }

    /** What a message's contents boil down to: both checksums and the token's value (0 where absent). */
    static long digest(long inlineCrc, long regionCrc, long tokenValue) {
        long h = inlineCrc;
        h = h * GOLDEN + regionCrc;
        h = h * GOLDEN + tokenValue;
        return h ^ (h >>> 31);
    }

    /** The value a token of message {@code seq} on {@code lane} of a link carries; never 0. */
    static long tokenValue(int worker, int incarnation, int lane, long seq) {
        long h = (((long) worker << 48) ^ ((long) incarnation << 24) ^ lane) * GOLDEN + seq;
        h ^= h >>> 29;
        return h == 0 ? 1 : h;
    }

    /** The stamp a link writes into its contents. */
    static long stamp(int worker, int incarnation, int lane) {
        return ((long) worker << 48) | ((long) incarnation << 16) | lane;
    }
}
