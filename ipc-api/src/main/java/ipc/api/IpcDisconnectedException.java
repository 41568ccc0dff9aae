package ipc.api;

/**
 * The other end of a channel is gone: the counterpart of Rust ipc-channel's {@code IpcError::Disconnected}.
 *
 * <p>Thrown by a receive when every sender of the channel is closed (in every process, including handles still
 * inside undelivered messages) and its queue is drained, or when the receiver itself was closed; and by a send when
 * the receiver is closed.
 *
 * <h2>Thread safety</h2>
 * As {@link IpcException}.
 */
public class IpcDisconnectedException extends IpcException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which end is gone
     */
    public IpcDisconnectedException(String message) {
        super(message);
    }
}
