package ipc.api;

/**
 * The process has no room for the file descriptors an operation needs: it reached its open-file limit
 * ({@code RLIMIT_NOFILE}, {@code ulimit -n}) or the system's. The message names the limit.
 *
 * <p>Where it comes from:
 * <ul>
 *   <li>creating a channel, a one-shot server, a receiver set or shared memory, connecting or accepting: nothing was
 *       created, nothing leaked; the call can be retried once descriptors are freed;</li>
 *   <li>receiving a message that carries handles when the descriptors would not fit: once the library has seen the
 *       process near its limit it checks, before taking the message off the queue, that the message's descriptors
 *       fit. If they do not, the receive throws this exception and the message stays queued: the next receive,
 *       once descriptors are freed, returns it whole. Without that warning (the application itself used up the
 *       descriptors between two receives) the kernel may drop the descriptors of the message it delivers; the
 *       receive then reports that message as dropped with this exception ({@link #messageDropped()}) and closes
 *       the descriptors that did arrive. A message is never delivered with handles missing.</li>
 * </ul>
 * The channel stays usable in every case.
 *
 * <h2>Thread safety</h2>
 * As thread-safe as any exception.
 */
public class IpcDescriptorLimitException extends IpcException {

    private static final long serialVersionUID = 1L;

    private final boolean messageDropped;

    /**
     * Creates the exception.
     *
     * @param message what needed descriptors, and the limit (naming {@code RLIMIT_NOFILE} and its value)
     * @param messageDropped whether a received message was lost (its descriptors dropped by the kernel)
     */
    public IpcDescriptorLimitException(String message, boolean messageDropped) {
        super(message);
        this.messageDropped = messageDropped;
    }

    /**
     * Whether a received message was lost because the kernel could not install its descriptors. {@code false} when
     * nothing was lost (nothing created, or the message is still queued).
     *
     * @return {@code true} if a message was dropped
     */
    public boolean messageDropped() {
        return messageDropped;
    }
}
