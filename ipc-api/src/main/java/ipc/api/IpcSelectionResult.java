package ipc.api;

import java.util.Objects;

/**
 * What {@link IpcReceiverSet#select()} reports about one receiver: Rust's {@code IpcSelectionResult}.
 *
 * <h2>Thread safety</h2>
 * The records are immutable; the {@link OpaqueIpcMessage} inside is thread-safe but should be decoded once.
 */
public sealed interface IpcSelectionResult {

    /** The identifier {@link IpcReceiverSet#add(IpcReceiver)} returned for the receiver. */
    long id();

    /**
     * A receiver had a message.
     *
     * @param id the receiver's identifier
     * @param message the message, to decode with {@link OpaqueIpcMessage#to(Class)}
     */
    record MessageReceived(long id, OpaqueIpcMessage message) implements IpcSelectionResult {
        /** Checks that the message is not null. */
        public MessageReceived {
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * Every sender of a receiver is closed and its remaining messages were delivered; the receiver has left the
     * set. Reported once per receiver.
     *
     * @param id the receiver's identifier
     */
    record ChannelClosed(long id) implements IpcSelectionResult {}
}
