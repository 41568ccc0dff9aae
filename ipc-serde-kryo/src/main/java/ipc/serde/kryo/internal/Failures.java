package ipc.serde.kryo.internal;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;

/** The messages of this serializer's {@link IpcSerializationException}s: expected type, serializer, what was found. */
final class Failures {

    /** The serializer's name, as every message of this module states it. */
    static final String SERIALIZER = "kryo";

    private Failures() {}

    static IpcSerializationException decoding(TypeRef<?> expected, int size, Exception cause) {
        return new IpcSerializationException(expecting(expected) + ", found " + size
                + " bytes that do not decode as one: " + cause.getMessage(), cause);
    }

    static IpcSerializationException tooShort(TypeRef<?> expected, int size) {
        return new IpcSerializationException(expecting(expected) + ", found " + size + " bytes: too few for the "
                + Long.BYTES + "-byte type fingerprint every " + SERIALIZER + " message starts with");
    }

    static IpcSerializationException otherType(TypeRef<?> expected, long expectedFingerprint, long found) {
        String foundType = Fingerprint.typeOf(found);
        String what = foundType != null ? "a message written for " + foundType
                : "a message written for another declared type, another version of it, or another Kryo "
                        + "configuration";
        return new IpcSerializationException(String.format("%s, found %s (type fingerprint %016x, expected %016x)",
                expecting(expected), what, found, expectedFingerprint));
    }

    static IpcSerializationException trailing(TypeRef<?> expected, int size, int extra) {
        return new IpcSerializationException(expecting(expected) + ", found " + size + " bytes, the last " + extra
                + " of which follow a complete value");
    }

    static IpcSerializationException encoding(Object value, TypeRef<?> declared, Exception cause) {
        return new IpcSerializationException("Cannot encode a " + value.getClass().getName() + " as " + declared
                + " with serializer '" + SERIALIZER + "': " + cause.getMessage(), cause);
    }

    static IllegalArgumentException unsupported(TypeRef<?> type, IllegalArgumentException cause) {
        return new IllegalArgumentException("Serializer '" + SERIALIZER + "' cannot represent " + type + ": "
                + cause.getMessage(), cause);
    }

    private static String expecting(TypeRef<?> expected) {
        return "Expected " + expected + " from serializer '" + SERIALIZER + "'";
    }
}
