package ipc.serde.kryo.internal;

import com.esotericsoftware.kryo.Registration;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.serializers.DefaultArraySerializers;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The 8-byte type fingerprint every message of this serializer starts with: a hash of the declared type, of
 * everything it reaches (component names and types, enum constants...) and of the registration table (IDs, classes,
 * serializers). A receiver whose fingerprint differs rejects the message before reading it, so two peers that
 * declare different types, or different versions of one type, or configure Kryo differently, get a clear error
 * instead of a value decoded into the wrong class.
 */
final class Fingerprint {

    /** Bumped when this module's encoding changes. */
    private static final String FORMAT = "ipc-serde-kryo/1";
    /** The declared types of the fingerprints computed in this JVM, to name them in errors. Grows with the types. */
    private static final Map<Long, String> KNOWN = new ConcurrentHashMap<>();

    private Fingerprint() {}

    static long of(String root, Iterable<String> descriptions, List<Registration> registrations) {
        StringBuilder text = new StringBuilder(FORMAT).append("\nroot ").append(root).append('\n');
        for (String description : descriptions) {
            text.append(description).append('\n');
        }
        for (Registration registration : registrations) {
            text.append("id ").append(registration.getId()).append(' ').append(registration.getType().getName())
                    .append(' ').append(formatName(registration.getSerializer())).append('\n');
        }
        long fingerprint = ByteBuffer.wrap(sha256(text.toString())).getLong();
        KNOWN.putIfAbsent(fingerprint, root);
        return fingerprint;
    }

    /**
     * The name that stands for the encoding a serializer writes: its class name, except for a serializer of this
     * module that writes exactly what a Kryo serializer does (then that one's), so that peers whose only difference
     * is how the same bytes get into the message still understand each other.
     */
    private static String formatName(Serializer<?> serializer) {
        if (serializer instanceof ValueBytesSerializer) {
            return DefaultArraySerializers.ByteArraySerializer.class.getName();
        }
        return serializer.getClass().getName();
    }

    /** The declared type a fingerprint was computed for in this JVM, or null if none was. */
    static String typeOf(long fingerprint) {
        return KNOWN.get(fingerprint);
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }
}
