package ipc.api.spi;

import java.util.Objects;

/**
 * The two connected ends that {@link Transport#channel()} creates.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe.
 *
 * @param sender the sending end
 * @param receiver the receiving end
 */
public record EndpointPair(SenderEndpoint sender, ReceiverEndpoint receiver) {
    /** Checks that neither end is null. */
    public EndpointPair {
        Objects.requireNonNull(sender, "sender");
        Objects.requireNonNull(receiver, "receiver");
    }
}
