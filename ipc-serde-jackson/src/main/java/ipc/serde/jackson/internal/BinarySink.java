package ipc.serde.jackson.internal;

import java.io.OutputStream;
import java.util.Arrays;
import tools.jackson.core.util.ByteArrayBuilder;

/**
 * Collects the content of one CBOR byte string as the parser hands it over. When the whole string is in memory
 * (a message parsed from its array, definite length) the parser hands it over in one write, and the array made for
 * that write is the result: one allocation of exactly the string's length, one copy from the payload. Content that
 * arrives in several writes (chunked strings, a payload read as a stream) is gathered in a {@link ByteArrayBuilder}.
 *
 * <p>Only bytes the parser actually found are ever stored, so a declared length never costs more than the payload
 * that carries it: the parser checks each declared length against the input present and fails once that runs out.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: one instance per byte string being read.
 */
final class BinarySink extends OutputStream {

    private static final byte[] EMPTY = new byte[0];

    private byte[] first;
    private ByteArrayBuilder rest;

    @Override
    public void write(int b) {
        builder().write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) {
        if (len == 0) {
            return;
        }
        if (first == null && rest == null) {
            first = Arrays.copyOfRange(b, off, off + len);
            return;
        }
        builder().write(b, off, len);
    }

    /** Whether any byte arrived. */
    boolean isEmpty() {
        return first == null && rest == null;
    }

    /** The bytes written, in order; the array of the first write when nothing followed it. */
    byte[] toByteArray() {
        if (rest != null) {
            return rest.toByteArray();
        }
        return first != null ? first : EMPTY;
    }

    private ByteArrayBuilder builder() {
        if (rest == null) {
            rest = new ByteArrayBuilder();
            if (first != null) {
                rest.write(first);
                first = null;
            }
        }
        return rest;
    }
}
