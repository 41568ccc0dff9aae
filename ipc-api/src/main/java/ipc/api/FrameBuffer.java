package ipc.api;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * A growable byte array that a message is encoded into, header first. One small buffer is kept per thread and
 * reused, so sending small messages does not allocate a new array each time; a buffer that grew past
 * {@link #KEEP_LIMIT} is dropped after use rather than pinned in memory.
 */
final class FrameBuffer extends OutputStream {

    static final int KEEP_LIMIT = 1 << 20;
    private static final int MAX_SIZE = Integer.MAX_VALUE - 16;
    private static final ThreadLocal<FrameBuffer> LOCAL = new ThreadLocal<>();

    private byte[] bytes = new byte[512];
    /** A view of {@link #bytes}, remade only when the array grows, so that {@link #contents()} does not allocate. */
    private ByteBuffer view = ByteBuffer.wrap(bytes);
    private int count;
    private boolean inUse;

    /** Takes this thread's buffer (or a fresh one if it is already in use) and writes {@code header} into it. */
    static FrameBuffer acquire(byte[] header) {
        FrameBuffer buffer = LOCAL.get();
        if (buffer == null || buffer.inUse) {
            buffer = new FrameBuffer();
            if (LOCAL.get() == null) {
                LOCAL.set(buffer);
            }
        }
        buffer.inUse = true;
        buffer.count = 0;
        buffer.write(header, 0, header.length);
        return buffer;
    }

    /** Returns the buffer for reuse by this thread. */
    void release() {
        inUse = false;
        if (bytes.length > KEEP_LIMIT && LOCAL.get() == this) {
            LOCAL.remove();
        }
    }

    /**
     * The bytes written so far, without copying: the same buffer object each time (position 0, limit the count), so
     * valid until the buffer is written to again or released.
     */
    ByteBuffer contents() {
        if (view.array() != bytes) {
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
        if (needed > bytes.length) {
            long grown = Math.max((long) bytes.length * 2, needed);
            bytes = Arrays.copyOf(bytes, (int) Math.min(grown, MAX_SIZE));
        }
    }
}
