package ipc.api.spi;

/**
 * An OS handle a transport can move inside a message: the end of a channel or a shared-memory region.
 *
 * <p>A handle is owned by exactly one holder, which closes it once. Sending a handle inside a message does not
 * consume it: the transport gives the receiving side its own handle to the same OS object (on Linux, the kernel
 * duplicates the file descriptor), as {@code dup(2)} would. An OS object stays alive while any handle to it,
 * including one inside a message not yet received, is open.
 *
 * <h2>Thread safety</h2>
 * Implementations must be thread-safe; {@link #close()} must be idempotent and may race with any other call.
 */
public interface TransportHandle extends AutoCloseable {

    /** What kind of handle this is; the receiving side rebuilds the same kind. */
    enum Kind {
        /** The sending end of a channel. */
        SENDER,
        /** The receiving end of a channel. */
        RECEIVER,
        /** A sealed shared-memory region. */
        SHARED_MEMORY
    }

    /** The kind of this handle. */
    Kind kind();

    /** Whether {@link #close()} has not been called yet. */
    boolean isOpen();

    /** Releases the OS handle. Idempotent; never throws. */
    @Override
    void close();
}
