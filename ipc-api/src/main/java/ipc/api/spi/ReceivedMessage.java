package ipc.api.spi;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * One message as a transport delivers it.
 *
 * <p>The frame may be a view of memory the transport lends for the time it takes to decode the message (a
 * receive buffer, or the mapping of a large payload), so that the payload is copied once, straight into what the
 * user gets. The recipient calls {@link #release()} exactly once, when it no longer reads the frame (decoded, or
 * copied for later); after that the frame must not be touched. A recipient that keeps the bytes beyond that copies
 * them first ({@link #detached()}).
 *
 * <h2>Thread safety</h2>
 * Immutable record; its frame buffer belongs to one recipient and must not be shared between threads.
 *
 * @param frame the message bytes between position and limit, owned by the recipient until {@link #release()}
 * @param handles the handles that travelled with it, in the sender's order, owned by the recipient (who must close
 *     every one it does not hand on)
 * @param releaser gives the frame's memory back to the transport; run once by {@link #release()}
 */
public record ReceivedMessage(ByteBuffer frame, List<TransportHandle> handles, Runnable releaser) {

    private static final Runnable NOTHING = () -> { };

    /** Checks that no part is null and copies the handle list (an empty one is not copied: no allocation). */
    public ReceivedMessage {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(handles, "handles");
        Objects.requireNonNull(releaser, "releaser");
        handles = handles.isEmpty() ? List.of() : List.copyOf(handles);
    }

    /**
     * A message whose frame the recipient owns outright (a heap buffer, say): {@link #release()} does nothing.
     *
     * @param frame the message bytes between position and limit
     * @param handles the handles that travelled with it
     */
    public ReceivedMessage(ByteBuffer frame, List<TransportHandle> handles) {
        this(frame, handles, NOTHING);
    }

    /** Gives the frame's memory back to the transport; the frame must not be read afterwards. Call once. */
    public void release() {
        releaser.run();
    }

    /**
     * This message with its frame copied to the heap, so that it may be kept; releases this message's frame.
     *
     * @return a message whose {@link #release()} does nothing (this one if the frame needed no release)
     */
    public ReceivedMessage detached() {
        if (releaser == NOTHING) {
            return this;
        }
        ByteBuffer copy;
        try {
            copy = ByteBuffer.allocate(frame.remaining()).put(frame.duplicate()).flip();
        } finally {
            release();
        }
        return new ReceivedMessage(copy, handles);
    }

    /** Closes every handle of this message; for a recipient that drops it. Does not release the frame. */
    public void closeHandles() {
        for (TransportHandle handle : handles) {
            handle.close();
        }
    }
}
