package ipc.api;

import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import java.util.Objects;

/**
 * A declared message type bound to a serializer: what a typed channel end needs to encode and decode. The codec is
 * prepared on first use, so handles decoded out of messages cost nothing until they carry a message.
 */
final class Binding<T> {

    private final TypeRef<T> type;
    private final IpcSerializer serializer;
    private final byte[] header;
    private volatile MessageCodec<T> codec;

    private Binding(TypeRef<T> type, IpcSerializer serializer) {
        this(type, serializer, Frames.header(serializer.name()));
    }

    private Binding(TypeRef<T> type, IpcSerializer serializer, byte[] header) {
        this.type = Objects.requireNonNull(type, "type");
        this.serializer = Objects.requireNonNull(serializer, "serializer");
        this.header = header;
    }

    /** A binding whose codec is prepared now, so an unsupported type fails at channel creation. */
    static <T> Binding<T> eager(TypeRef<T> type, IpcSerializer serializer) {
        Binding<T> binding = new Binding<>(type, serializer);
        binding.codec();
        return binding;
    }

    /** A binding whose codec is prepared on first use. */
    static <T> Binding<T> lazy(TypeRef<T> type, IpcSerializer serializer) {
        return new Binding<>(type, serializer);
    }

    TypeRef<T> type() {
        return type;
    }

    IpcSerializer serializer() {
        return serializer;
    }

    String serializerName() {
        return serializer.name();
    }

    byte[] header() {
        return header;
    }

    MessageCodec<T> codec() {
        MessageCodec<T> current = codec;
        if (current == null) {
            current = Objects.requireNonNull(serializer.codec(type),
                    () -> "serializer '" + serializer.name() + "' returned no codec for " + type);
            codec = current;
        }
        return current;
    }

    <U> Binding<U> retyped(TypeRef<U> newType) {
        return newType.equals(type) ? uncheckedCast() : new Binding<>(newType, serializer, header);
    }

    @SuppressWarnings("unchecked")
    private <U> Binding<U> uncheckedCast() {
        return (Binding<U>) this;
    }
}
