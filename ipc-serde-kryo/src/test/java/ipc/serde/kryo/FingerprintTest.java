package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.kryo.Messages.Person;
import ipc.serde.kryo.Messages.Point;
import ipc.serde.testsupport.FakeContexts;
import ipc.serde.testsupport.HostileChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every message starts with a fingerprint of the declared type and the configuration, so two peers that disagree
 * get a clear error instead of a value decoded into the wrong class, and two that agree always match.
 */
class FingerprintTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** Same shape as {@link Point} (two ints), another name: must not decode as a Point. */
    record Vector(int dx, int dy) {}

    /** A "new version" of Point with the components renamed. */
    record PointV2(int x, int z) {}

    private final KryoSerializer serializer = new KryoSerializer();

    @Test
    void wrongDeclaredTypeIsRejectedAndTheChannelGoesOn() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<Point> points = Ipc.channel(Point.class, serializer)) {
                IpcReceiver<Person> asPerson = points.receiver().toOpaque().to(TypeRef.of(Person.class), serializer);
                IpcReceiver<List<String>> asList = points.receiver().toOpaque()
                        .to(new TypeRef<List<String>>() {}, serializer);

                points.sender().send(new Point(1, 2));
                IpcSerializationException e = assertThrows(IpcSerializationException.class, asPerson::recv,
                        "a Point read as a Person");
                HostileChannel.assertExplains(KryoSerializer.NAME, e, TypeRef.of(Person.class));
                assertTrue(e.getMessage().contains("written for " + Point.class.getName()),
                        "the message names what arrived (a type this JVM knows): " + e.getMessage());

                points.sender().send(new Point(3, 4));
                HostileChannel.assertExplains(KryoSerializer.NAME,
                        assertThrows(IpcSerializationException.class, asList::recv,
                                "a Point read as a List"), asList.type());

                points.sender().send(new Point(5, 6));
                assertEquals(new Point(5, 6), points.receiver().recv(), "the next message decodes");
            }
        });
    }

    @Test
    void sameShapeOtherTypeIsRejected() throws Exception {
        byte[] point = FakeContexts.encode(serializer.codec(TypeRef.of(Point.class)), new Point(1, 2));
        for (TypeRef<?> other : List.of(TypeRef.of(Vector.class), TypeRef.of(PointV2.class))) {
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> FakeContexts.decode(serializer.codec(other), point), "a Point read as " + other);
            assertTrue(e.getMessage().contains("type fingerprint"), "the fingerprint check says so: " + e.getMessage());
        }
    }

    @Test
    void differentConfigurationsDoNotMatch() throws Exception {
        MessageCodec<Point> plain = serializer.codec(TypeRef.of(Point.class));
        MessageCodec<Point> allowing = KryoSerializer.builder().allow(Person.class).build()
                .codec(TypeRef.of(Point.class));
        byte[] payload = FakeContexts.encode(allowing, new Point(1, 2));
        IpcSerializationException e = assertThrows(IpcSerializationException.class,
                () -> FakeContexts.decode(plain, payload), "another allow list means other registration IDs");
        assertTrue(e.getMessage().contains("type fingerprint"), "the fingerprint check says so: " + e.getMessage());
    }

    @Test
    void equalConfigurationsMatchAndEncodeIdentically() throws Exception {
        TypeRef<Messages.Drawing> type = TypeRef.of(Messages.Drawing.class);
        Messages.Drawing drawing = new Messages.Drawing(List.of(new Messages.Circle(1)), new Messages.Square(2,
                Messages.Color.RED));
        byte[] first = FakeContexts.encode(new KryoSerializer().codec(type), drawing);
        byte[] second = FakeContexts.encode(KryoSerializer.builder().build().codec(type), drawing);
        assertArrayEquals(first, second, "two serializers built alike write the same bytes");
        assertEquals(drawing, FakeContexts.decode(KryoSerializer.configured(kryo -> { }).codec(type), first),
                "and read each other's messages");
        assertFalse(Arrays.equals(Arrays.copyOf(first, Long.BYTES), Crafted.fingerprint(
                serializer.codec(TypeRef.of(Point.class)), new Point(0, 0))), "another type, another fingerprint");
    }

    @Test
    void tooShortForAFingerprint() {
        IpcSerializationException e = assertThrows(IpcSerializationException.class,
                () -> FakeContexts.decode(serializer.codec(TypeRef.of(Point.class)), new byte[3]), "3 bytes");
        HostileChannel.assertExplains(KryoSerializer.NAME, e, TypeRef.of(Point.class));
        assertTrue(e.getMessage().contains("fingerprint"), "says what is missing: " + e.getMessage());
    }
}
