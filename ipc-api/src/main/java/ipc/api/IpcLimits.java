package ipc.api;

import java.util.Objects;

/**
 * How large a message this process accepts from a peer: the receiving side's guard against a hostile or broken
 * sender. A message over a limit is dropped before its payload is read into memory, every descriptor it carried is
 * closed, and the receive throws {@link IpcLimitExceededException}; the channel stays usable.
 *
 * <p>The limits are process-wide and apply to every receive, including receives of a {@link IpcReceiverSet} and
 * of the router. They are read when a message arrives, so a change applies to the next message received.
 * Where they come from, first match wins:
 * <ol>
 *   <li>{@link #set(IpcLimits)};</li>
 *   <li>the system properties {@value #MAX_MESSAGE_BYTES_PROPERTY} and {@value #MAX_HANDLES_PROPERTY} (read once,
 *       when the limits are first needed; a value may end in {@code k}, {@code m} or {@code g} for KiB, MiB, GiB);</li>
 *   <li>the defaults: {@value #DEFAULT_MAX_MESSAGE_BYTES} bytes (256 MiB) and {@value #DEFAULT_MAX_HANDLES}
 *       handles.</li>
 * </ol>
 *
 * <p>Why these defaults: a message is held in memory whole, and a serializer may build objects a few times larger
 * than the bytes it reads, so the message size bounds what a peer can make this process allocate; 256 MiB stays far
 * above what request/reply traffic sends (large data belongs in {@link IpcSharedMemory}, whose regions are mapped,
 * not copied, and are not counted here). Each handle is one descriptor of this process; 1024 handles per message is
 * more than any normal message carries and leaves room in a typical descriptor limit. The transport's own ceiling
 * is 4096 handles per message and {@code Integer.MAX_VALUE - 8} bytes.
 *
 * <p>Sending is not limited here: a sender learns of a receiver's limit only by the receiver's failure.
 *
 * <h2>Thread safety</h2>
 * Immutable; {@link #set(IpcLimits)} and {@link #current()} are safe from any thread.
 *
 * @param maxMessageBytes the largest message payload accepted, in bytes (after the transport's own framing); at
 *     least 1
 * @param maxHandlesPerMessage the most handles (senders, receivers, shared memory regions) one message may carry;
 *     0 or more
 */
public record IpcLimits(long maxMessageBytes, int maxHandlesPerMessage) {

    /** The system property that sets {@link #maxMessageBytes()}. */
    public static final String MAX_MESSAGE_BYTES_PROPERTY = "ipc.limits.maxMessageBytes";
    /** The system property that sets {@link #maxHandlesPerMessage()}. */
    public static final String MAX_HANDLES_PROPERTY = "ipc.limits.maxHandlesPerMessage";
    /** The default {@link #maxMessageBytes()}: 256 MiB. */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 268_435_456L;
    /** The default {@link #maxHandlesPerMessage()}. */
    public static final int DEFAULT_MAX_HANDLES = 1024;

    private static volatile IpcLimits current;

    /**
     * Validates the limits.
     *
     * @throws IllegalArgumentException if {@code maxMessageBytes} is below 1 or {@code maxHandlesPerMessage} is
     *     negative
     */
    public IpcLimits {
        if (maxMessageBytes < 1) {
            throw new IllegalArgumentException("maxMessageBytes must be at least 1, got " + maxMessageBytes);
        }
        if (maxHandlesPerMessage < 0) {
            throw new IllegalArgumentException("maxHandlesPerMessage must be 0 or more, got " + maxHandlesPerMessage);
        }
    }

    /**
     * The limits configured by system properties, or the defaults where a property is absent.
     *
     * @return the limits
     * @throws IllegalArgumentException if a property is set to something that is not a valid limit
     */
    public static IpcLimits defaults() {
        return new IpcLimits(
                property(MAX_MESSAGE_BYTES_PROPERTY, DEFAULT_MAX_MESSAGE_BYTES),
                Math.toIntExact(property(MAX_HANDLES_PROPERTY, DEFAULT_MAX_HANDLES)));
    }

    /**
     * The limits in force.
     *
     * @return the limits last {@linkplain #set(IpcLimits) set}, else {@link #defaults()}
     */
    public static IpcLimits current() {
        IpcLimits limits = current;
        if (limits == null) {
            synchronized (IpcLimits.class) {
                limits = current;
                if (limits == null) {
                    limits = defaults();
                    current = limits;
                }
            }
        }
        return limits;
    }

    /**
     * Sets the limits for the whole process, from the next message received on.
     *
     * @param limits the new limits
     * @return the limits in force before
     */
    public static IpcLimits set(IpcLimits limits) {
        Objects.requireNonNull(limits, "limits");
        synchronized (IpcLimits.class) {
            IpcLimits previous = current();
            current = limits;
            return previous;
        }
    }

    /**
     * A copy with another message size limit.
     *
     * @param bytes the largest message payload accepted
     * @return the new limits
     */
    public IpcLimits withMaxMessageBytes(long bytes) {
        return new IpcLimits(bytes, maxHandlesPerMessage);
    }

    /**
     * A copy with another handle limit.
     *
     * @param handles the most handles per message
     * @return the new limits
     */
    public IpcLimits withMaxHandlesPerMessage(int handles) {
        return new IpcLimits(maxMessageBytes, handles);
    }

    /**
     * Checks a received message's declared size against these limits; for transports, before they read the payload.
     *
     * @param payloadBytes the payload length the message declares
     * @param handles the number of handles the message declares
     * @throws IpcLimitExceededException if either is over its limit
     */
    public void check(long payloadBytes, int handles) throws IpcLimitExceededException {
        if (payloadBytes > maxMessageBytes) {
            throw new IpcLimitExceededException("Received a message of " + payloadBytes + " bytes, over this "
                    + "process's limit of " + maxMessageBytes + " bytes; it was dropped (raise the limit with -D"
                    + MAX_MESSAGE_BYTES_PROPERTY + " or IpcLimits.set, or send large data in IpcSharedMemory)");
        }
        if (handles > maxHandlesPerMessage) {
            throw new IpcLimitExceededException("Received a message carrying " + handles + " handles, over this "
                    + "process's limit of " + maxHandlesPerMessage + " per message; it was dropped and its handles "
                    + "closed (raise the limit with -D" + MAX_HANDLES_PROPERTY + " or IpcLimits.set)");
        }
    }

    private static long property(String name, long fallback) {
        String value = System.getProperty(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String text = value.trim().toLowerCase(java.util.Locale.ROOT);
        long unit = 1;
        char last = text.charAt(text.length() - 1);
        if (last == 'k' || last == 'm' || last == 'g') {
            unit = last == 'k' ? 1L << 10 : last == 'm' ? 1L << 20 : 1L << 30;
            text = text.substring(0, text.length() - 1);
        }
        try {
            return Math.multiplyExact(Long.parseLong(text), unit);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("System property " + name + " must be a number of "
                    + (name.equals(MAX_HANDLES_PROPERTY) ? "handles" : "bytes, optionally ending in k, m or g")
                    + ", got \"" + value + "\"", e);
        }
    }
}
