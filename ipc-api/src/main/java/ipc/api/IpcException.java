package ipc.api;

import java.io.IOException;

/**
 * An I/O failure of an IPC operation: the counterpart of Rust ipc-channel's {@code IpcError::Io}.
 *
 * <p>Subclasses name the condition: {@link IpcDisconnectedException} when the other end is gone,
 * {@link IpcSerializationException} when a message cannot be encoded or decoded.
 *
 * <h2>Thread safety</h2>
 * Exceptions are not shared between threads by the library; instances are as thread-safe as any {@link IOException}.
 */
public class IpcException extends IOException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message a user can act on.
     *
     * @param message what failed and why
     */
    public IpcException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and a cause.
     *
     * @param message what failed and why
     * @param cause the underlying failure
     */
    public IpcException(String message, Throwable cause) {
        super(message, cause);
    }
}
