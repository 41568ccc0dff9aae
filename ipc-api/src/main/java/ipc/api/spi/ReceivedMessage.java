package ipc.api.spi;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;

/**
 * One message as a transport delivers it.
 *
 * <p>The frame may be a view of memory the transport lends for the time it takes to decode the message (a
 * receive buffer), so that the payload is copied once, straight into what the user gets. The recipient calls
 * {@link #release()} exactly once, when it no longer reads the frame (decoded, or copied for later); after that the
 * frame must not be touched. A recipient that keeps the bytes beyond that copies them first ({@link #detached()}).
 *
 * <p>A large message may arrive in two parts: the {@code frame} holds its first bytes and {@code tail}, a buffer the
 * recipient owns outright, all the rest (a transport that read the bulk of a message straight into memory of the
 * recipient's choosing, {@link ReceiverEndpoint#receive(long, java.util.function.IntFunction)}, and its first bytes,
 * the sender's prefix, separately). The message's bytes are then the frame's remaining bytes followed by the tail's;
 * {@link #whole()} joins them, and a recipient that wants exactly the bytes after a header of its own can take the
 * tail without a copy.
 *
 * <h2>Thread safety</h2>
 * Immutable record; its frame buffer belongs to one recipient and must not be shared between threads.
 *
 * @param frame the message bytes between position and limit (its first bytes, if there is a tail), owned by the
 *     recipient until {@link #release()}
 * @param handles the handles that travelled with it, in the sender's order, owned by the recipient (who must close
 *     every one it does not hand on)
 * @param releaser gives the frame's memory back to the transport; run once by {@link #release()}
 * @param tail the rest of the message's bytes after the frame's, between its position and limit, or null if the
 *     frame holds all of them
 */
public record ReceivedMessage(ByteBuffer frame, List<TransportHandle> handles, Runnable releaser, ByteBuffer tail) {

    private static final Runnable NOTHING = () -> { };

    /**
     * Checks that no part but the tail is null and copies the handle list (an empty one is not copied: no
     * allocation).
     */
    public ReceivedMessage {
        Objects.requireNonNull(frame, "frame");
        Objects.requireNonNull(handles, "handles");
        Objects.requireNonNull(releaser, "releaser");
        handles = handles.isEmpty() ? List.of() : List.copyOf(handles);
    }

    /**
     * A message whose bytes are all in {@code frame}, lent by the transport until {@link #release()}.
     *
     * @param frame the message bytes between position and limit
     * @param handles the handles that travelled with it
     * @param releaser gives the frame's memory back to the transport
     */
    public ReceivedMessage(ByteBuffer frame, List<TransportHandle> handles, Runnable releaser) {
        this(frame, handles, releaser, null);
    }

    /**
     * A message whose frame the recipient owns outright (a heap buffer, say): {@link #release()} does nothing.
     *
     * @param frame the message bytes between position and limit
     * @param handles the handles that travelled with it
     */
    public ReceivedMessage(ByteBuffer frame, List<TransportHandle> handles) {
        this(frame, handles, NOTHING, null);
    }

    /**
     * A message in two parts, both owned by the recipient: its first bytes in {@code head}, the rest in {@code tail}.
     *
     * @param head the first bytes, between position and limit
     * @param tail the rest, between position and limit
     * @param handles the handles that travelled with it
     * @return the message
     */
    public static ReceivedMessage withTail(ByteBuffer head, ByteBuffer tail, List<TransportHandle> handles) {
        return new ReceivedMessage(head, handles, NOTHING, Objects.requireNonNull(tail, "tail"));
    }

    /**
     * The number of the message's bytes: the frame's remaining bytes and the tail's.
     *
     * @return the length
     */
    public long length() {
        return (long) frame.remaining() + (tail == null ? 0 : tail.remaining());
    }

    /** Gives the frame's memory back to the transport; the frame must not be read afterwards. Call once. */
    public void release() {
        releaser.run();
    }

    /**
     * All the message's bytes in one buffer: the frame itself, or (with a tail) a buffer over the tail when the frame
     * has nothing left, else a joined copy of both.
     *
     * @return the bytes between position and limit
     */
    public ByteBuffer whole() {
        if (tail == null) {
            return frame;
        }
        if (!frame.hasRemaining()) {
            return tail;
        }
        return ByteBuffer.allocate(frame.remaining() + tail.remaining()).put(frame.duplicate()).put(tail.duplicate())
                .flip();
    }

    /**
     * This message with its bytes copied to the heap, so that it may be kept; releases this message's frame.
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
        return new ReceivedMessage(copy, handles, NOTHING, tail);
    }

    /** Closes every handle of this message; for a recipient that drops it. Does not release the frame. */
    public void closeHandles() {
        for (TransportHandle handle : handles) {
            handle.close();
        }
    }
}
