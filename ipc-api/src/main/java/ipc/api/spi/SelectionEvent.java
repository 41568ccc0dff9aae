package ipc.api.spi;

/** What {@link ReceiverSetEndpoint#select(long)} reports about one receiver.
 *
 * <h2>Thread safety</h2>
 * Immutable records; see {@link ReceivedMessage} for the message inside.
 */
public sealed interface SelectionEvent {

    /** The identifier the receiver was added with. */
    long id();

    /**
     * A receiver had a message.
     *
     * @param id the receiver's identifier
     * @param message the message, owned by the caller
     */
    record Message(long id, ReceivedMessage message) implements SelectionEvent {}

    /**
     * Every sender of a receiver is closed and its queue is drained, or the receiver turned out to be no usable
     * channel end (a transport reports so a member that fails every receive, rather than report it ready forever);
     * the receiver has left the set.
     *
     * @param id the receiver's identifier
     */
    record Closed(long id) implements SelectionEvent {}
}
