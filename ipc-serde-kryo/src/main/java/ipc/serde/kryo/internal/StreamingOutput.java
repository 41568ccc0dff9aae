package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.KryoException;
import com.esotericsoftware.kryo.io.Output;
import java.io.IOException;

/**
 * A Kryo output over the message's stream that hands a byte run larger than its free buffer space straight to the
 * stream instead of copying it through the buffer piece by piece: a large {@code byte[]} is copied once on its way
 * into the message, not twice.
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

    @Override
    public void writeBytes(byte[] bytes, int offset, int count) throws KryoException {
        if (outputStream == null || count <= capacity - position) {
            super.writeBytes(bytes, offset, count);
            return;
        }
        flush();
        try {
            outputStream.write(bytes, offset, count);
        } catch (IOException e) {
            throw new KryoException(e);
        }
        total += count;
    }
}
