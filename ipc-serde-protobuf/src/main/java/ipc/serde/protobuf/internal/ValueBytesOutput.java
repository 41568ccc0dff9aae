package ipc.serde.protobuf.internal;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import ipc.api.spi.EncodeContext;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes a message into the message being sent so that its large {@code bytes} and {@code string} values are not
 * copied into it but handed over as they are ({@link EncodeContext#writeValueBytes}), for the transport to copy once.
 * A message of at most {@link #KEPT_MAX} bytes is written into an array the thread keeps, then copied.
 *
 * <p>A larger message is written through a {@link CodedOutputStream} over an {@link OutputStream} with a buffer of
 * {@link #BUFFER} bytes. Such a stream passes its own buffer on in writes of at most that many bytes; a longer write
 * is the backing array of a {@code ByteString} of the message (immutable), or an array it made for that one write
 * (a long string's UTF-8 bytes): either stays unchanged until the send returns, so it is handed over. A shorter write
 * is copied.
 *
 * <h2>Thread safety</h2>
 * One output per message being encoded; each encoding thread keeps an array of up to {@link #KEPT_MAX} bytes.
 */
final class ValueBytesOutput extends OutputStream {

    /** The buffer of the coded stream, as protobuf chooses for messages this size and larger. */
    static final int BUFFER = 4096;
    /**
     * A message of at most this many bytes is written into an array the thread keeps and copied into the message
     * from there, instead of through a buffer protobuf allocates for each message (up to {@link #BUFFER} bytes,
     * zeroed): below this size the transport copies handed-over runs anyway. A thread keeps at most this much.
     */
    static final int KEPT_MAX = 64 * 1024;
    private static final KeptArray KEPT = new KeptArray(KEPT_MAX);

    private final EncodeContext context;
    private final OutputStream output;

    private ValueBytesOutput(EncodeContext context) {
        this.context = context;
        this.output = context.output();
    }

    /**
     * Writes {@code message} into {@code context}'s message: as protobuf's own {@code writeTo} when it fits its
     * buffer, else with its large values handed over.
     *
     * @throws IOException if the context's output fails
     */
    static void write(MessageLite message, EncodeContext context) throws IOException {
        int size = message.getSerializedSize();
        if (size <= KEPT_MAX) {
            byte[] kept = KEPT.atLeast(size);
            CodedOutputStream coded = CodedOutputStream.newInstance(kept, 0, size);
            message.writeTo(coded);
            coded.checkNoSpaceLeft();
            context.output().write(kept, 0, size);
            return;
        }
        CodedOutputStream coded = CodedOutputStream.newInstance(new ValueBytesOutput(context), BUFFER);
        message.writeTo(coded);
        coded.flush();
    }

    @Override
    public void write(int b) throws IOException {
        output.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
        if (len > BUFFER) {
            context.writeValueBytes(b, off, len);
        } else {
            output.write(b, off, len);
        }
    }
}
