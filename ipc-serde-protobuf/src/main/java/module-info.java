/**
 * The protobuf serializer of ipc-channel, named {@code protobuf}: messages are generated protobuf-java 4 message
 * classes, written in protobuf's own binary format. See {@link ipc.serde.protobuf.ProtobufSerializer} for what a
 * channel may carry and {@link ipc.serde.protobuf.IpcHandles} for handles inside messages.
 *
 * <h2>What a peer can make the receiver instantiate</h2>
 * Protobuf parses only into the declared message class and the message classes its fields declare: the bytes
 * name no type, and nothing is looked up by name ({@code google.protobuf.Any} stays packed until the application
 * unpacks it into a class of its choosing). Java serialization is never used.
 *
 * <h2>Bad input</h2>
 * Decoding is bounded by the message: protobuf checks every declared length against the bytes present before
 * allocating, nesting is limited to 100 levels, and by default a message with fields its type does not declare is
 * rejected, so that bytes of another message type are an error rather than a half-empty message. Every failure is
 * an {@link ipc.api.IpcSerializationException} naming the declared type and the serializer.
 *
 * <h2>Handles</h2>
 * A message carries a handle in a field of type {@code ipc.serde.protobuf.Handle}, declared in
 * {@code ipc/serde/protobuf/handle.proto} (shipped in this module's jar, so a build that depends on this module
 * can import it). On the wire a {@code Handle} holds an index into the message's handle table; in memory it holds
 * a key under which this process keeps the handle object, because a protobuf message is immutable and built before
 * it is sent, and cannot hold a Java object. {@link ipc.serde.protobuf.IpcHandles} makes such keys and resolves
 * them; the serializer swaps keys for indexes when it encodes and indexes for fresh keys when it decodes.
 *
 * <h2>Module path</h2>
 * The packages of the application's generated message classes must be exported to this module, which looks up
 * each class's default instance once, and to {@code com.google.protobuf}, whose reflection-based accessors this
 * module uses to find handles and unknown fields: {@code exports com.example.messages;} or
 * {@code exports com.example.messages to com.google.protobuf, ipc.serde.protobuf;}. protobuf-java is the automatic
 * module {@code com.google.protobuf}.
 *
 * @provides ipc.api.spi.IpcSerializer the {@code protobuf} serializer, {@link ipc.serde.protobuf.ProtobufSerializer}
 *     with its default configuration
 */
module ipc.serde.protobuf {
    requires transitive ipc.api;
    requires transitive com.google.protobuf;

    exports ipc.serde.protobuf;
    exports ipc.serde.protobuf.proto;

    provides ipc.api.spi.IpcSerializer with ipc.serde.protobuf.ProtobufSerializer;
}
