package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.TypeRef;
import ipc.serde.jackson.Messages.Blob;
import ipc.serde.jackson.Messages.Box;
import ipc.serde.jackson.Messages.Catalogue;
import ipc.serde.jackson.Messages.Line;
import ipc.serde.jackson.Messages.Point;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Values of every common shape survive a trip through a channel unchanged. */
class RoundTripTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final int LARGE_BYTES = 4 * 1024 * 1024;
    private static final int LARGE_STRING_CHARS = 1024 * 1024;

    private final JacksonSerializer serializer = new JacksonSerializer();

    private <T> T roundTrip(TypeRef<T> type, T value) {
        return assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<T> channel = Ipc.channel(type, serializer)) {
                channel.sender().send(value);
                return channel.receiver().recv();
            }
        }, () -> "round trip of " + type + " blocked");
    }

    @Test
    void recordThroughChannelOfClass() {
        Point received = assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<Point> channel = Ipc.channel(Point.class)) {
                channel.sender().send(new Point(3, -4));
                return channel.receiver().recv();
            }
        });
        assertEquals(new Point(3, -4), received, "a record sent with the default serializer");
    }

    @Test
    void nestedRecords() {
        Line line = new Line(new Point(1, 2), new Point(3, 4), "diagonal");
        assertEquals(line, roundTrip(TypeRef.of(Line.class), line), "a record of records");
    }

    @Test
    void nestedGenericsKeepTheirTypeArguments() {
        Catalogue catalogue = new Catalogue(
                Map.of("a", List.of(new Box<>(new Point(1, 1))), "b", List.of()),
                List.of("x", "y"), Map.of("n", 7));
        Catalogue received = roundTrip(TypeRef.of(Catalogue.class), catalogue);
        assertEquals(catalogue, received, "a record of maps of lists of generic records");
        assertInstanceOf(Point.class, received.entries().get("a").get(0).content(),
                "Box<Point> decodes to a Point, not a map");

        Map<String, List<Box<Point>>> generic = Map.of("k", List.of(new Box<>(new Point(5, 6))));
        assertEquals(generic, roundTrip(new TypeRef<Map<String, List<Box<Point>>>>() {}, generic),
                "a generic root type through TypeRef");
    }

    @Test
    void nullsInsideValues() {
        List<String> withNulls = new ArrayList<>(Arrays.asList("a", null, "c"));
        assertEquals(withNulls, roundTrip(new TypeRef<List<String>>() {}, withNulls), "nulls in a list");

        Map<String, Point> nullValues = new HashMap<>();
        nullValues.put("none", null);
        nullValues.put("some", new Point(0, 0));
        assertEquals(nullValues, roundTrip(new TypeRef<Map<String, Point>>() {}, nullValues), "null map values");

        Line partial = new Line(null, new Point(1, 1), null);
        assertEquals(partial, roundTrip(TypeRef.of(Line.class), partial), "null record components");

        Box<Optional<String>> empty = new Box<>(Optional.empty());
        assertEquals(empty, roundTrip(new TypeRef<Box<Optional<String>>>() {}, empty), "an empty Optional");
    }

    @Test
    void scalarsAndArrays() {
        assertEquals("héllo ✓", roundTrip(TypeRef.of(String.class), "héllo ✓"), "a non-ASCII string");
        assertEquals(Long.MIN_VALUE, roundTrip(TypeRef.of(Long.class), Long.MIN_VALUE), "a long");
        assertEquals(Double.MAX_VALUE, roundTrip(TypeRef.of(Double.class), Double.MAX_VALUE), "a double");
        assertArrayEquals(new int[] {1, -2, 3}, roundTrip(TypeRef.of(int[].class), new int[] {1, -2, 3}),
                "an int array");
        assertEquals(List.of(), roundTrip(new TypeRef<List<Point>>() {}, List.of()), "an empty list");
    }

    @Test
    void largeValues() {
        byte[] data = new byte[LARGE_BYTES];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Blob blob = new Blob("large", data);
        assertEquals(blob, roundTrip(TypeRef.of(Blob.class), blob), "a 4 MiB byte array in a record");

        String text = "z".repeat(LARGE_STRING_CHARS);
        assertEquals(text, roundTrip(TypeRef.of(String.class), text), "a 1 Mi-character string");
    }
}
