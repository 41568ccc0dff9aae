package ipc.api;

import java.util.Objects;

/**
 * The two ends of a bytes channel, as {@link Ipc#bytesChannel()} returns them.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe; each end documents its own thread safety.
 *
 * @param sender the sending end
 * @param receiver the receiving end
 */
public record IpcBytesChannel(IpcBytesSender sender, IpcBytesReceiver receiver) implements AutoCloseable {
    /** Checks that neither end is null. */
    public IpcBytesChannel {
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
