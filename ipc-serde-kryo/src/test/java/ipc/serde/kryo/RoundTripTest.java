package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.TypeRef;
import ipc.serde.kryo.Messages.Box;
import ipc.serde.kryo.Messages.Catalogue;
import ipc.serde.kryo.Messages.Line;
import ipc.serde.kryo.Messages.Numbers;
import ipc.serde.kryo.Messages.Point;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Values of every common shape survive a trip through a channel unchanged. */
class RoundTripTest {

    private static final java.time.Duration TIMEOUT = java.time.Duration.ofSeconds(10);

    private final KryoSerializer serializer = new KryoSerializer();

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
        assertEquals(new Point(3, -4), received, "a record sent with the default (only) serializer");
    }

    @Test
    void nestedRecords() {
        Line line = new Line(new Point(1, 2), new Point(3, 4), "diagonal");
        assertEquals(line, roundTrip(TypeRef.of(Line.class), line), "a record of records");
    }

    @Test
    void nestedGenericsKeepTheirTypeArguments() {
        Catalogue catalogue = new Catalogue(Map.of("a", List.of(new Box<>(new Point(1, 1))), "b", List.of()),
                List.of("x", "y"), Map.of("n", 7));
        Catalogue received = roundTrip(TypeRef.of(Catalogue.class), catalogue);
        assertEquals(catalogue, received, "a record of maps of lists of generic records");
        assertInstanceOf(Point.class, received.entries().get("a").get(0).content(), "Box<Point> holds a Point");

        Map<String, List<Box<Point>>> generic = Map.of("k", List.of(new Box<>(new Point(5, 6))));
        assertEquals(generic, roundTrip(new TypeRef<Map<String, List<Box<Point>>>>() {}, generic),
                "a generic root type through TypeRef");
        Box<Box<List<Point>>> deep = new Box<>(new Box<>(List.of(new Point(7, 8))));
        assertEquals(deep, roundTrip(new TypeRef<Box<Box<List<Point>>>>() {}, deep), "generics nested in generics");
    }

    @Test
    void nullsInsideValues() {
        List<String> withNulls = new ArrayList<>(Arrays.asList("a", null, "c"));
        assertEquals(withNulls, roundTrip(new TypeRef<List<String>>() {}, withNulls), "nulls in a list");

        Map<String, Point> nullValues = new HashMap<>();
        nullValues.put("none", null);
        nullValues.put(null, new Point(0, 0));
        assertEquals(nullValues, roundTrip(new TypeRef<Map<String, Point>>() {}, nullValues), "null keys, values");

        Line partial = new Line(null, new Point(1, 1), null);
        assertEquals(partial, roundTrip(TypeRef.of(Line.class), partial), "null record components");

        Box<Optional<String>> empty = new Box<>(Optional.empty());
        assertEquals(empty, roundTrip(new TypeRef<Box<Optional<String>>>() {}, empty), "an empty Optional");
        Box<Optional<Point>> present = new Box<>(Optional.of(new Point(2, 2)));
        assertEquals(present, roundTrip(new TypeRef<Box<Optional<Point>>>() {}, present), "a present Optional");
    }

    @Test
    void scalarsArraysAndJdkValues() {
        assertEquals("héllo ✓", roundTrip(TypeRef.of(String.class), "héllo ✓"), "a non-ASCII string");
        assertEquals(Long.MIN_VALUE, roundTrip(TypeRef.of(Long.class), Long.MIN_VALUE), "a long");
        assertEquals(42, roundTrip(TypeRef.of(int.class), 42), "a primitive class as the message type");
        assertArrayEquals(new int[] {1, -2, 3}, roundTrip(TypeRef.of(int[].class), new int[] {1, -2, 3}), "int[]");
        assertArrayEquals(new Point[] {new Point(1, 2), null},
                roundTrip(TypeRef.of(Point[].class), new Point[] {new Point(1, 2), null}), "an array of records");
        Numbers numbers = new Numbers(new int[] {Integer.MIN_VALUE}, new long[] {Long.MAX_VALUE},
                new boolean[] {true, false}, new double[] {Math.PI}, "ab".toCharArray(), Set.of(1L, 2L));
        Numbers received = roundTrip(TypeRef.of(Numbers.class), numbers);
        assertArrayEquals(numbers.flags(), received.flags(), "boolean[]");
        assertArrayEquals(numbers.chars(), received.chars(), "char[]");
        assertEquals(numbers.ids(), received.ids(), "a set of longs");

        List<Object> values = List.of(new BigInteger("123456789012345678901234567890"), new BigDecimal("-1.25e-7"),
                UUID.randomUUID(), Instant.ofEpochSecond(1, 2), Duration.ofMillis(5), LocalDate.of(2024, 2, 29));
        assertEquals(values, roundTrip(new TypeRef<List<Object>>() {}, values), "JDK value types where Object is declared");
        assertEquals(List.of(), roundTrip(new TypeRef<List<Point>>() {}, List.of()), "an empty list");
    }
}
