package ipc.tests.serde;

import ipc.api.TypeRef;

/**
 * Puts the seven handle types into a value of one message type and takes them out again, for the handle tests of
 * the kit. Java-object serializers do it with record fields; protobuf with its handle helper.
 *
 * <h2>Thread safety</h2>
 * Called from one test thread at a time.
 *
 * @param <M> the message type
 */
public interface HandleCarrier<M> {

    /** The declared type of the channel that carries the message. */
    TypeRef<M> type();

    /**
     * Builds a message holding every handle of {@code handles} below the top level (in a nested value, a list
     * element, a map value), with {@link HandleSet#sender()} reachable at two places: once where
     * {@link #extract(Object)} returns it as {@code sender()} and once where it returns it as {@code senderAgain()}
     * ({@code handles.senderAgain()} is the same object as {@code handles.sender()}).
     *
     * @param handles the handles to embed; the carrier must not close them
     * @return the message
     */
    M embed(HandleSet handles);

    /**
     * Takes the handles out of a received message.
     *
     * @param message a message built by {@link #embed(HandleSet)} and sent through a channel
     * @return its handles, both occurrences of the sender included
     */
    HandleSet extract(M message);
}
