package ipc.serde.jackson.internal;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.serde.jackson.JacksonSerializer;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;

/** The messages of this serializer's {@link IpcSerializationException}s: expected type, serializer, what was found. */
final class Failures {

    /** The serializer's name, as every message of this module states it. */
    static final String SERIALIZER = JacksonSerializer.NAME;

    private Failures() {}

    static IpcSerializationException decoding(TypeRef<?> expected, int size, JacksonException cause) {
        return new IpcSerializationException("Expected " + expected + " from serializer '" + SERIALIZER
                + "', found " + size + " bytes that do not decode as one: " + describe(cause), cause);
    }

    static IpcSerializationException encoding(Object value, TypeRef<?> declared, JacksonException cause) {
        return new IpcSerializationException("Cannot encode " + value.getClass().getName() + " as " + declared
                + " with serializer '" + SERIALIZER + "': " + describe(cause), cause);
    }

    /** Jackson's own words, then where: the property path and the byte offset, when known. */
    private static String describe(JacksonException cause) {
        String original = cause.getOriginalMessage();
        StringBuilder text = new StringBuilder(original == null ? cause.getClass().getSimpleName() : original);
        String path = cause.getPathReference();
        if (path != null && !path.isEmpty()) {
            text.append(" (at ").append(path).append(')');
        }
        TokenStreamLocation location = cause.getLocation();
        if (location != null && location.getByteOffset() >= 0) {
            text.append(" (byte offset ").append(location.getByteOffset()).append(')');
        }
        return text.toString();
    }
}
