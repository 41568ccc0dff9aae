package ipc.serde.protobuf;

import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import ipc.serde.protobuf.internal.Codecs;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code protobuf} serializer: a channel's messages are instances of a generated protobuf-java 4 message class,
 * written in protobuf's binary format.
 *
 * <h2>What a channel may carry</h2>
 * <ul>
 *   <li>Any message class that {@code protoc} generated from a {@code .proto} file, declared as the channel's type:
 *       {@code Ipc.channel(Request.class, new ProtobufSerializer())}. The class's parser is found once, when the
 *       channel end first needs it.</li>
 *   <li>{@code String}, {@code byte[]}, {@code Integer}, {@code Long}, {@code Boolean}, {@code Float} and
 *       {@code Double}, written as protobuf's well-known wrapper messages ({@code google.protobuf.StringValue},
 *       {@code BytesValue}, {@code Int32Value}, {@code Int64Value}, {@code BoolValue}, {@code FloatValue},
 *       {@code DoubleValue}), so that code written for channels of such values runs with this serializer too.</li>
 * </ul>
 * Any other type, generic types, collections and handles at the top level included, makes {@link #codec(TypeRef)}
 * (and so channel creation) fail with an {@link IllegalArgumentException} that lists what is supported: declare a
 * message with {@code repeated} or {@code map} fields instead. Handles travel in fields of type
 * {@code ipc.serde.protobuf.Handle}; see {@link IpcHandles}.
 *
 * <h2>What a peer can make the receiver instantiate</h2>
 * Only the declared message class and the message classes its fields declare: protobuf parses into the declared
 * type and the bytes name no class. {@code google.protobuf.Any} fields stay packed until the application unpacks
 * them.
 *
 * <h2>Decoding is bounded and strict</h2>
 * <ul>
 *   <li>Every length in a payload is checked against the bytes that remain before anything is allocated for it, and
 *       nesting of messages and groups is limited to 100 levels (protobuf's default), so neither a hostile length nor
 *       deep nesting can exhaust memory or the stack.</li>
 *   <li>Bytes after the end of the message are an error.</li>
 *   <li>By default, a message with unknown fields (fields its type does not declare, at any depth) is rejected: the
 *       protobuf format names no type, so bytes written for another message type usually parse into the declared
 *       one as a message of unknown fields, and rejecting those turns a silent mix-up into an error. This costs a
 *       walk over the message-typed fields of each message received. Both ends of a channel normally run the same
 *       build; if a peer may use a newer version of the schema, use {@link #allowingUnknownFields()}, which keeps
 *       unknown fields as protobuf does by default. Types whose encodings look alike (two messages of the same
 *       field numbers and wire types) cannot be told apart either way.</li>
 * </ul>
 *
 * <h2>Failures</h2>
 * Encoding and decoding failures surface from {@code send} and {@code recv} as
 * {@link ipc.api.IpcSerializationException}, whose message names the declared type, this serializer, and what was
 * wrong (protobuf's own description of malformed bytes, the path of a bad Handle field, or the unknown field
 * numbers). A failed decode consumes only that message: its handles are closed and the channel stays usable.
 *
 * <h2>Thread safety</h2>
 * Immutable and thread-safe; so are its codecs. One instance may serve any number of channels.
 */
public final class ProtobufSerializer implements IpcSerializer {

    /** The name recorded in every message this serializer writes. */
    public static final String NAME = "protobuf";

    private final boolean allowUnknownFields;
    private final Map<Type, MessageCodec<?>> codecs = new ConcurrentHashMap<>();

    /**
     * The serializer with the default configuration (unknown fields rejected), as {@link java.util.ServiceLoader}
     * creates it. Cheap: nothing is loaded until a codec is asked for.
     */
    public ProtobufSerializer() {
        this(false);
    }

    private ProtobufSerializer(boolean allowUnknownFields) {
        this.allowUnknownFields = allowUnknownFields;
    }

    /**
     * A serializer that accepts messages with unknown fields and keeps them, as protobuf does by default: for peers
     * that may run a newer version of the schema. It reads and writes the same bytes as the default one.
     *
     * @return the serializer
     */
    public static ProtobufSerializer allowingUnknownFields() {
        return new ProtobufSerializer(true);
    }

    /** Whether received messages may carry unknown fields; false by default. */
    public boolean allowsUnknownFields() {
        return allowUnknownFields;
    }

    /** Returns {@value #NAME}. */
    @Override
    public String name() {
        return NAME;
    }

    /**
     * The codec for {@code type}, prepared on the first request and cached.
     *
     * @throws IllegalArgumentException if {@code type} is not a generated message class nor one of the wrapped
     *     types; or, on the module path, if the message class's package is not exported to this module and to
     *     {@code com.google.protobuf}
     */
    @Override
    public <T> MessageCodec<T> codec(TypeRef<T> type) {
        Objects.requireNonNull(type, "type");
        MessageCodec<?> codec = codecs.get(type.type());
        if (codec == null) {
            codec = codecs.computeIfAbsent(type.type(), key -> Codecs.create(type, allowUnknownFields));
        }
        @SuppressWarnings("unchecked") // Cached under type.type(), for which it was made.
        MessageCodec<T> typed = (MessageCodec<T>) codec;
        return typed;
    }

    @Override
    public String toString() {
        return "ProtobufSerializer[" + (allowUnknownFields ? "unknown fields allowed" : "defaults") + "]";
    }
}
