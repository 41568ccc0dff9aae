package ipc.api;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable byte array that a message is encoded into, header first. One buffer is kept per thread and reused, so
 * sending small messages does not allocate a new array each time. An array that grew past {@link #KEEP_LIMIT} is not
 * pinned in memory: after the message it moves to the thread's {@link SpareArray} (softly held), where the next large
 * message of the thread finds it instead of growing a new one by doubling.
 */
final class FrameBuffer extends OutputStream {

    static final int KEEP_LIMIT = 1 << 20;
    private static final int MAX_SIZE = Integer.MAX_VALUE - 16;
    private static final ThreadLocal<FrameBuffer> LOCAL = new ThreadLocal<>();

    private byte[] bytes = new byte[512];
    /** The array of at most {@link #KEEP_LIMIT} bytes that {@link #bytes} returns to after a large message. */
    private byte[] home = bytes;
    /** Where a thread's buffer keeps its large array between messages; null for a buffer that is not a thread's. */
    private final SpareArray large;
    /** A view of {@link #bytes}, remade only when the array grows, so that {@link #contents()} does not allocate. */
    private ByteBuffer view = ByteBuffer.wrap(bytes);
    private int count;
    private boolean inUse;

    /** Takes this thread's buffer (or a fresh one if it is already in use) and writes {@code header} into it. */
    static FrameBuffer acquire(byte[] header) {
        FrameBuffer buffer = LOCAL.get();
        if (buffer == null) {
            buffer = new FrameBuffer(new SpareArray());
            LOCAL.set(buffer);
        } else if (buffer.inUse) {
            buffer = new FrameBuffer(null); // a message encoded while encoding another (a codec that sends)
        }
        buffer.inUse = true;
        buffer.count = 0;
        buffer.write(header, 0, header.length);
        return buffer;
    }

    private FrameBuffer(SpareArray large) {
        this.large = large;
    }

    /** Returns the buffer for reuse by this thread. */
    void release() {
        inUse = false;
        if (bytes.length > KEEP_LIMIT) {
            if (large != null) {
                large.give(bytes);
            }
            bytes = home;
            view = null; // nor does the view keep the large array reachable
        }
    }

    /**
     * The bytes written so far, without copying: the same buffer object each time (position 0, limit the count), so
     * valid until the buffer is written to again or released.
     */
    ByteBuffer contents() {
        if (view == null || view.array() != bytes) {
            view = ByteBuffer.wrap(bytes);
        }
        view.clear();
        view.limit(count);
        return view;
    }

    @Override
    public void write(int b) {
        ensure(1);
        bytes[count++] = (byte) b;
    }

    @Override
    public void write(byte[] source, int offset, int length) {
        ensure(length);
        System.arraycopy(source, offset, bytes, count, length);
        count += length;
    }

    /** Appends the remaining bytes of {@code source}, leaving its position unchanged. */
    void write(ByteBuffer source) {
        int length = source.remaining();
        ensure(length);
        source.get(source.position(), bytes, count, length);
        count += length;
    }

    private void ensure(int more) {
        if (more > MAX_SIZE - count) {
            throw new IllegalArgumentException("A message cannot exceed " + MAX_SIZE + " bytes");
        }
        int needed = count + more;
        if (needed <= bytes.length) {
            return;
        }
        int grown = (int) Math.min(Math.max((long) bytes.length * 2, needed), MAX_SIZE);
        byte[] spare = grown > KEEP_LIMIT && large != null ? large.take(needed) : null;
        if (spare != null) {
            System.arraycopy(bytes, 0, spare, 0, count);
        }
        if (bytes.length <= KEEP_LIMIT && grown > KEEP_LIMIT) {
            home = bytes;
        }
        bytes = spare != null ? spare : Arrays.copyOf(bytes, grown);
    }
}
