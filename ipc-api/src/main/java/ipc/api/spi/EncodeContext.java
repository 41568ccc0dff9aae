package ipc.api.spi;

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
