package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.io.Output;

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

    final MessageKryo kryo;
    final Output output = new StreamingOutput(OUTPUT_BUFFER);
    final BoundedInput input = new BoundedInput();

    Slot(MessageKryo kryo) {
        this.kryo = kryo;
    }

    /** Drops references to the message and any grown buffer. */
    void release(boolean failed) {
        kryo.endMessage(failed);
        output.setOutputStream(null);
        if (output.getBuffer().length > KEPT_OUTPUT) {
            output.setBuffer(new byte[OUTPUT_BUFFER], -1);
        }
        input.release();
    }
}
