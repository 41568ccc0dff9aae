package ipc.serde.kryo.internal;

import java.nio.ByteBuffer;

/**
 * One pooled unit of work: a configured Kryo with its output buffer and bounded input, used by one thread at a
 * time for one message.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; the pool hands each slot to one thread at a time.
 */
final class Slot {

    /** The output buffer; larger values stream through it to the message's output, or past it (byte runs). */
    private static final int OUTPUT_BUFFER = 8 * 1024;
    /** An output buffer that had to grow beyond this is replaced before the slot goes back to the pool. */
    private static final int KEPT_OUTPUT = 64 * 1024;

    /**
     * The copy of a message that arrived outside the Java heap is kept for the next one up to this size (the
     * transport's one-datagram messages), larger ones are dropped with the message.
     */
    private static final int KEPT_COPY = 256 * 1024;
    private static final byte[] EMPTY = new byte[0];

    final MessageKryo kryo;
    final StreamingOutput output = new StreamingOutput(OUTPUT_BUFFER);
    final BoundedInput input = new BoundedInput();
    /** Where a message outside the Java heap is copied to be read (Kryo's input reads an array). */
    private byte[] copy = EMPTY;

    Slot(MessageKryo kryo) {
        this.kryo = kryo;
    }

    /** Drops references to the message and any grown buffer. */
    void release(boolean failed) {
        kryo.endMessage(failed);
        output.end();
        if (output.getBuffer().length > KEPT_OUTPUT) {
            output.setBuffer(new byte[OUTPUT_BUFFER], -1);
        }
        input.release();
        if (copy.length > KEPT_COPY) {
            copy = EMPTY;
        }
    }

    /**
     * Copies the remaining bytes of {@code data} (a buffer without an accessible array) into this slot's copy array,
     * grown as needed, and has {@link #input} read them: no new array, nor its zeroing, per message. The decoded
     * value never refers to that array (Kryo copies what it keeps out of the input), so it is reused.
     */
    void readCopyOf(ByteBuffer data) {
        int size = data.remaining();
        if (copy.length < size) {
            copy = new byte[Math.max(size, Math.min(KEPT_COPY, copy.length * 2))];
        }
        data.get(data.position(), copy, 0, size);
        input.wrap(copy, 0, size);
    }
}
