package ipc.api;

import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A growable byte array that a message is encoded into, header first. One buffer is kept per thread and reused, so
 * sending small messages does not allocate a new array each time. An array that grew past {@link #KEEP_LIMIT} is not
 * pinned in memory: after the message it moves to the thread's {@link SpareArray} (softly held), where the next large
 * message of the thread finds it instead of growing a new one by doubling.
 *
 * <p>A large run of a value's bytes ({@link #writeValueBytes}) is not copied in: the buffer notes where it goes, and
 * the message is then sent as {@link #parts()}, the runs between the buffer's own bytes, so that the transport copies
 * them once, from where they are. Released, the buffer forgets them.
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
    /** The runs referred to, in order: array, offset, length, and where in {@link #bytes} each goes. */
    private byte[][] runs;
    private int[] runOffsets;
    private int[] runLengths;
    private int[] runPlaces;
    private int runCount;
    private long runBytes;

    /** A run of at least this many bytes given to {@link #writeValueBytes} is referred to rather than copied. */
    static final int REFERENCE_MIN = 64 * 1024;
    /** At most this many runs are referred to in a message, later ones are copied: each costs the transport a part. */
    static final int MAX_REFERENCES = 16;

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
        buffer.forgetRuns();
        buffer.write(header, 0, header.length);
        return buffer;
    }

    private FrameBuffer(SpareArray large) {
        this.large = large;
    }

    /** Returns the buffer for reuse by this thread. */
    void release() {
        inUse = false;
        forgetRuns();
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
        if (runCount > 0) {
            throw new IllegalStateException("The frame refers to runs of bytes outside it: send its parts()");
        }
        if (view == null || view.array() != bytes) {
            view = ByteBuffer.wrap(bytes);
        }
        view.clear();
        view.limit(count);
        return view;
    }

    /** Whether the frame refers to runs outside it, and so must be sent as {@link #parts()}. */
    boolean hasRuns() {
        return runCount > 0;
    }

    /**
     * Appends {@code length} bytes of {@code source} from {@code offset}: a run of {@link #REFERENCE_MIN} bytes or
     * more by reference (up to {@link #MAX_REFERENCES} of them), so the array must not change until the message is
     * sent; shorter runs are copied.
     */
    void writeValueBytes(byte[] source, int offset, int length) {
        Objects.checkFromIndexSize(offset, length, source.length);
        if (length < REFERENCE_MIN || runCount == MAX_REFERENCES) {
            write(source, offset, length);
            return;
        }
        checkRoom(length);
        if (runs == null) {
            runs = new byte[MAX_REFERENCES][];
            runOffsets = new int[MAX_REFERENCES];
            runLengths = new int[MAX_REFERENCES];
            runPlaces = new int[MAX_REFERENCES];
        }
        runs[runCount] = source;
        runOffsets[runCount] = offset;
        runLengths[runCount] = length;
        runPlaces[runCount] = count;
        runCount++;
        runBytes += length;
    }

    /**
     * The frame as buffers to send one after the other: the buffer's own bytes up to the first run, the run, the
     * bytes up to the next, and so on, and the bytes after the last run. Valid until the buffer is written to again
     * or released.
     */
    ByteBuffer[] parts() {
        ByteBuffer[] parts = new ByteBuffer[2 * runCount + 1];
        int from = 0;
        for (int i = 0; i < runCount; i++) {
            parts[2 * i] = ByteBuffer.wrap(bytes, from, runPlaces[i] - from);
            parts[2 * i + 1] = ByteBuffer.wrap(runs[i], runOffsets[i], runLengths[i]);
            from = runPlaces[i];
        }
        parts[2 * runCount] = ByteBuffer.wrap(bytes, from, count - from);
        return parts;
    }

    private void forgetRuns() {
        if (runCount > 0) {
            Arrays.fill(runs, 0, runCount, null);
            runCount = 0;
        }
        runBytes = 0;
    }

    private void checkRoom(int more) {
        if (more > MAX_SIZE - count - runBytes) {
            throw new IllegalArgumentException("A message cannot exceed " + MAX_SIZE + " bytes");
        }
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
        checkRoom(more);
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
