package ipc.api;

import java.util.Objects;

/**
 * The two ends of a typed channel, as {@link Ipc#channel(Class)} returns them: Rust's {@code (tx, rx)} tuple.
 *
 * <p>Closing the record closes both ends; usually the ends go separate ways and each is closed by its user.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe; each end documents its own thread safety.
 *
 * @param sender the sending end
 * @param receiver the receiving end
 * @param <T> the message type
 */
public record IpcChannel<T>(IpcSender<T> sender, IpcReceiver<T> receiver) implements AutoCloseable {
    /** Checks that neither end is null. */
    public IpcChannel {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
    }

    /** Closes both ends. */
    @Override
    public void close() {
        sender.close();
        receiver.close();
    }
}
