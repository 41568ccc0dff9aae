package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Output;
import ipc.api.spi.EncodeContext;
import java.io.IOException;

/**
 * A Kryo output over the message's stream that hands a byte run larger than its free buffer space straight to the
 * stream instead of copying it through the buffer piece by piece: a large {@code byte[]} is copied once on its way
 * into the message, not twice. A {@code byte[]} of the value itself ({@link #writeValueBytes}) is handed to the
 * message as it is ({@link EncodeContext#writeValueBytes}), so that a large one is copied by the transport only.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe, like Kryo's {@link Output}.
 */
final class StreamingOutput extends Output {

    /**
     * An output with a buffer of {@code bufferSize} bytes that grows as Kryo requires (one value that needs more
     * contiguous bytes than the buffer holds).
     */
    StreamingOutput(int bufferSize) {
        super(bufferSize, -1);
    }

    private EncodeContext context;

    /** Starts a message: writes go to {@code context}'s output. */
    void begin(EncodeContext context) {
        this.context = context;
        setOutputStream(context.output());
    }

    /** Forgets the message. */
    void end() {
        context = null;
        setOutputStream(null);
    }

    /**
     * Writes bytes of an array that belongs to the value being encoded and stays unchanged until it is sent: like
     * {@link #writeBytes(byte[], int, int)}, but a run larger than the free buffer space goes to the message with
     * {@link EncodeContext#writeValueBytes}, which may refer to it instead of copying it.
     */
    void writeValueBytes(byte[] bytes, int offset, int count) throws KryoException {
        writeRun(bytes, offset, count, context != null);
    }

    @Override
    public void writeBytes(byte[] bytes, int offset, int count) throws KryoException {
        writeRun(bytes, offset, count, false);
    }

    /** Copies a run that fits the free buffer space; else flushes and writes it, or hands it over, to the message. */
    private void writeRun(byte[] bytes, int offset, int count, boolean handOver) throws KryoException {
        if (outputStream == null || count <= capacity - position) {
            super.writeBytes(bytes, offset, count);
            return;
        }
        flush();
        try {
            if (handOver) {
                context.writeValueBytes(bytes, offset, count);
            } else {
                outputStream.write(bytes, offset, count);
            }
        } catch (IOException e) {
            throw new KryoException(e);
        }
        total += count;
    }
}
