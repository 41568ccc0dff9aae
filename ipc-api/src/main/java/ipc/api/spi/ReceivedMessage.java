package ipc.api.spi;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * One message as a transport delivers it.
 *
 * <h2>Thread safety</h2>
 * Immutable record; its frame buffer belongs to one recipient and must not be shared between threads.
 *
 * @param frame the message bytes between position and limit, owned by the recipient
 * @param handles the handles that travelled with it, in the sender's order, owned by the recipient (who must close
 *     every one it does not hand on)
 */
public record ReceivedMessage(ByteBuffer frame, List<TransportHandle> handles) {
    /** Checks that neither part is null and copies the handle list. */
    public ReceivedMessage {
        Objects.requireNonNull(frame, "frame");
        handles = List.copyOf(handles);
    }

    /** Closes every handle of this message; for a recipient that drops it. */
    public void closeHandles() {
        for (TransportHandle handle : handles) {
            handle.close();
        }
    }
}
