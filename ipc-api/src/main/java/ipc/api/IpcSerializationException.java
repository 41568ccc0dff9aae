package ipc.api;

/**
 * A message could not be encoded, or a received message could not be decoded as the declared type: the
 * counterpart of Rust ipc-channel's {@code IpcError::Bincode}.
 *
 * <p>The message says what was expected and what arrived. A decode failure consumes only the message that
 * failed: every handle it carried is closed, and the channel stays usable for the next message.
 *
 * <h2>Thread safety</h2>
 * As {@link IpcException}.
 */
public class IpcSerializationException extends IpcException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was expected and what was found
     */
    public IpcSerializationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with the serializer's own failure as cause.
     *
     * @param message what was expected and what was found
     * @param cause the serializer's exception
     */
    public IpcSerializationException(String message, Throwable cause) {
        super(message, cause);
    }
}
