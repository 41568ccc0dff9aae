package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.serde.protobuf.fixtures.Blob;
import ipc.serde.protobuf.fixtures.Numbers;
import ipc.serde.protobuf.fixtures.Person;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.protobuf.fixtures.Tree;
import java.time.Duration;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated messages and the wrapped Java values arrive equal to what was sent, through a real channel. */
class RoundTripTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int LARGE = 64 * 1024 * 1024 + 7;
    private static final int NESTED_LEVELS = 90;

    private final ProtobufSerializer serializer = new ProtobufSerializer();

    private <T> T roundTrip(Class<T> type, T value) {
        return assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<T> channel = Ipc.channel(type, serializer)) {
                channel.sender().send(value);
                return channel.receiver().recv();
            }
        }, () -> "a " + type.getSimpleName() + " round trip blocked");
    }

    static Stream<Object> messages() {
        return Stream.of(
                Point.newBuilder().setX(-3).setY(Integer.MAX_VALUE).build(),
                Point.getDefaultInstance(),
                Person.newBuilder().setName("Zoë 名前").setAge(41).addNicknames("z").addNicknames("")
                        .putPlaces("home", Point.newBuilder().setX(1).build()).putPlaces("", Point.getDefaultInstance())
                        .setEmail("").setBorn(Timestamp.newBuilder().setSeconds(-1).setNanos(5)).putCounts("c", -3).build(),
                Numbers.newBuilder().addAllValues(IntStream.range(-500, 500).boxed().toList()).addWide(-1L).build(),
                Blob.newBuilder().setName("empty").build());
    }

    @ParameterizedTest(name = "{index}: {0}")
    @MethodSource("messages")
    void messageArrivesEqual(Object message) {
        @SuppressWarnings("unchecked") // The class of a value is the class of that value.
        Class<Object> type = (Class<Object>) message.getClass();
        assertEquals(message, roundTrip(type, message), "the decoded message equals the sent one");
    }

    @Test
    void optionalPresenceSurvives() {
        Person withEmptyEmail = roundTrip(Person.class, Person.newBuilder().setEmail("").build());
        assertEquals(true, withEmptyEmail.hasEmail(), "an explicitly set empty optional field stays present");
        assertEquals(false, roundTrip(Person.class, Person.getDefaultInstance()).hasEmail(),
                "an unset optional field stays absent");
    }

    @Test
    void wrappedJavaValuesArriveEqual() {
        assertEquals("héllo, 世界", roundTrip(String.class, "héllo, 世界"), "a String");
        assertEquals("", roundTrip(String.class, ""), "the empty String");
        assertEquals(Integer.MIN_VALUE, roundTrip(Integer.class, Integer.MIN_VALUE), "an Integer");
        assertEquals(0, roundTrip(Integer.class, 0), "zero, which protobuf writes as nothing");
        assertEquals(Long.MAX_VALUE, roundTrip(Long.class, Long.MAX_VALUE), "a Long");
        assertEquals(true, roundTrip(Boolean.class, true), "true");
        assertEquals(false, roundTrip(Boolean.class, false), "false");
        assertEquals(Double.NaN, roundTrip(Double.class, Double.NaN), "NaN");
        assertEquals(-0.0, roundTrip(Double.class, -0.0), "negative zero");
        assertEquals(Float.MIN_VALUE, roundTrip(Float.class, Float.MIN_VALUE), "a Float");
        assertArrayEquals(new byte[0], roundTrip(byte[].class, new byte[0]), "no bytes");
        assertArrayEquals(new byte[] {0, -1, 127}, roundTrip(byte[].class, new byte[] {0, -1, 127}), "some bytes");
    }

    @Test
    void largeValuesArriveWhole() {
        byte[] bytes = new byte[LARGE];
        new Random(42).nextBytes(bytes);
        assertArrayEquals(bytes, roundTrip(byte[].class, bytes), "a byte[] of " + LARGE + " bytes");
        Blob blob = Blob.newBuilder().setName("large").setData(ByteString.copyFrom(bytes)).build();
        assertEquals(blob, roundTrip(Blob.class, blob), "a message with a bytes field of " + LARGE + " bytes");
        String text = "x".repeat(LARGE);
        assertEquals(text, roundTrip(String.class, text), "a String of " + LARGE + " characters");
    }

    @Test
    void nestingBelowTheLimitArrives() {
        Tree tree = Tree.newBuilder().setLabel("leaf").build();
        for (int level = 0; level < NESTED_LEVELS; level++) {
            tree = Tree.newBuilder().setLabel("level " + level).addChildren(tree).build();
        }
        assertEquals(tree, roundTrip(Tree.class, tree), NESTED_LEVELS + " levels of nesting");
    }
}
