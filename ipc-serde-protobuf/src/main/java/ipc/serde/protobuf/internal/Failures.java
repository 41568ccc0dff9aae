package ipc.serde.protobuf.internal;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.serde.protobuf.ProtobufSerializer;

/** The messages of this serializer's {@link IpcSerializationException}s: expected type, serializer, what was found. */
final class Failures {

    /** The serializer's name, as every message of this module states it. */
    static final String SERIALIZER = ProtobufSerializer.NAME;

    private Failures() {}

    static IpcSerializationException decoding(TypeRef<?> expected, int size, String found, Throwable cause) {
        return new IpcSerializationException("Expected " + expected + " from serializer '" + SERIALIZER + "', found "
                + size + " bytes that do not decode as one: " + found, cause);
    }

    static IpcSerializationException encoding(Object value, TypeRef<?> declared, String problem, Throwable cause) {
        return new IpcSerializationException("Cannot encode " + value.getClass().getName() + " as " + declared
                + " with serializer '" + SERIALIZER + "': " + problem, cause);
    }

    /** What a codec factory says about a type it cannot carry. */
    static IllegalArgumentException unsupported(TypeRef<?> type, String why) {
        return new IllegalArgumentException("Serializer '" + SERIALIZER + "' cannot carry " + type + ": " + why
                + ". It carries generated protobuf message classes (from .proto files), and String, byte[], Integer,"
                + " Long, Boolean, Float and Double as the well-known wrapper messages; put anything else,"
                + " collections and handles included, in a message type");
    }
}
