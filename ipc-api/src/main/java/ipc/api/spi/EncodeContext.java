package ipc.api.spi;

import java.io.IOException;
import java.io.OutputStream;

/**
 * The sink and handle table of one message being encoded. Valid only during
 * {@link MessageCodec#encode(Object, EncodeContext)}.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: used by the encoding thread only.
 */
public interface EncodeContext {

    /** Where the payload goes. Closing it has no effect. */
    OutputStream output();

    /**
     * Appends {@code length} bytes of {@code bytes} from {@code offset} to the payload, after everything written to
     * {@link #output()} so far, if possible without copying them: the message may then refer to this array until it
     * is sent, and the transport reads the bytes from it (for a large {@code byte[]} of the value, one copy saved).
     * So call it only for an array that is part of the value being sent, never for a buffer of the codec's own that
     * it writes again; the array must not change until the send returns (as for any part of a value being sent). A
     * codec that buffers what it writes must flush that to {@link #output()} first. Small runs are copied anyway.
     *
     * <p>The default writes the bytes to {@link #output()}.
     *
     * @param bytes the array holding the bytes
     * @param offset where they start
     * @param length how many
     * @throws IOException if {@link #output()} fails
     * @throws IndexOutOfBoundsException if the range is not within {@code bytes}
     */
    default void writeValueBytes(byte[] bytes, int offset, int length) throws IOException {
        output().write(bytes, offset, length);
    }

    /**
     * Registers a handle that travels with this message and returns its index in the message's handle table.
     * The same object registered twice gets the same index, so a handle reachable twice arrives as one handle.
     *
     * @param handle an instance of one of {@link HandleTypes#handleTypes()}
     * @return the index, from 0
     * @throws IllegalArgumentException if {@code handle} is not an API handle
     * @throws IllegalStateException if the handle is closed
     */
    int handleIndex(Object handle);
}
