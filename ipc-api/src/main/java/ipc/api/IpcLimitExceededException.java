package ipc.api;

/**
 * A received message was larger than this process accepts ({@link IpcLimits}): more payload bytes than
 * {@link IpcLimits#maxMessageBytes()} or more handles than {@link IpcLimits#maxHandlesPerMessage()}.
 *
 * <p>The message was dropped before its payload was read into memory; every descriptor it carried was closed. The
 * channel stays usable: the next receive returns the next message. The exception's message names the limit, the
 * size that arrived and the system property that raises the limit.
 *
 * <h2>Thread safety</h2>
 * As thread-safe as any exception.
 */
public class IpcLimitExceededException extends IpcException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which limit, what arrived, and how to raise the limit
     */
    public IpcLimitExceededException(String message) {
        super(message);
    }
}
