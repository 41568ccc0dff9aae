package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.protobuf.fixtures.Person;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.testsupport.FakeContexts;
import ipc.serde.testsupport.HostileChannel;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Truncated, trailing and random bytes decode to a value or fail with an {@link IpcSerializationException} that
 * names the type and the serializer: never another exception, never a hang; the channel stays usable.
 */
class HostilePayloadTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final int RANDOM_PAYLOADS = 20_000;
    private static final int MAX_RANDOM_LENGTH = 64;

    private final ProtobufSerializer serializer = new ProtobufSerializer();

    private static final Person PERSON = Person.newBuilder().setName("Grace Hopper").setAge(85).addNicknames("Amazing")
            .putPlaces("lab", Point.newBuilder().setX(3).setY(-4).build()).setEmail("g@example.org")
            .setBorn(Timestamp.newBuilder().setSeconds(-2_000_000_000L)).build();

    /** Decodes {@code payload}: the value, or null after checking the failure explains itself. */
    private static <T> T decodeOrExplain(MessageCodec<T> codec, TypeRef<T> type, byte[] payload) {
        try {
            return codec.decode(ByteBuffer.wrap(payload), new FakeContexts.NoHandles());
        } catch (IpcSerializationException e) {
            HostileChannel.assertExplains("'" + ProtobufSerializer.NAME + "'", e, type);
            return null;
        }
    }

    @Test
    void everyPrefixIsAValueOrAnExplainedFailure() {
        TypeRef<Person> type = TypeRef.of(Person.class);
        MessageCodec<Person> codec = serializer.codec(type);
        byte[] whole = PERSON.toByteArray();
        int rejected = 0;
        for (int cut = 0; cut < whole.length; cut++) {
            if (decodeOrExplain(codec, type, Arrays.copyOf(whole, cut)) == null) {
                rejected++;
            }
        }
        assertTrue(rejected > whole.length / 2, "most cuts fall inside a field and are rejected: " + rejected
                + " of " + whole.length);
        assertEquals(PERSON, decodeOrExplain(codec, type, whole), "the whole encoding decodes");
    }

    @Test
    void bytesAfterAStrayEndGroupTagAreRejected() {
        TypeRef<Point> type = TypeRef.of(Point.class);
        byte[] point = Point.newBuilder().setX(1).build().toByteArray();
        for (byte[] tail : new byte[][] {{}, {42, 42}}) {
            byte[] payload = new WireBytes().raw(point).tag(9, WireBytes.END_GROUP).raw(tail).bytes();
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> serializer.codec(type).decode(ByteBuffer.wrap(payload), new FakeContexts.NoHandles()),
                    "an end-group tag that nothing opened, then " + tail.length + " bytes");
            HostileChannel.assertExplains("'" + ProtobufSerializer.NAME + "'", e, type);
        }
    }

    @Test
    void randomBytesNeverEscapeAsAnythingElse() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            Random random = new Random(4);
            int decoded = 0;
            for (TypeRef<?> type : java.util.List.of(TypeRef.of(Person.class), TypeRef.of(String.class),
                    TypeRef.of(Point.class))) {
                for (int i = 0; i < RANDOM_PAYLOADS; i++) {
                    byte[] payload = new byte[random.nextInt(MAX_RANDOM_LENGTH)];
                    random.nextBytes(payload);
                    if (decodeOrExplain(serializer.codec(type), castless(type), payload) != null) {
                        decoded++;
                    }
                }
            }
            assertTrue(decoded < RANDOM_PAYLOADS, "random bytes mostly fail to decode: " + decoded + " decoded");
        });
    }

    @SuppressWarnings("unchecked") // The codec was made for this very type ref.
    private static <T> TypeRef<T> castless(TypeRef<?> type) {
        return (TypeRef<T>) type;
    }
}
