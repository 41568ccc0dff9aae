package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.serde.jackson.Messages.Catalogue;
import ipc.serde.jackson.Messages.Line;
import ipc.serde.jackson.Messages.Person;
import ipc.serde.jackson.Messages.Point;
import ipc.serde.testsupport.FakeContexts;
import ipc.serde.testsupport.HostileChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import tools.jackson.dataformat.cbor.CBORMapper;

/** Bad payloads fail with a clear IpcSerializationException, and the channel goes on working. */
class HostilePayloadTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long RANDOM_SEED = 20240607L;
    private static final int RANDOM_PAYLOADS = 300;
    private static final int MAX_RANDOM_LENGTH = 48;

    private final JacksonSerializer serializer = new JacksonSerializer();
    /** Writes hand-made structures; it has no handle module and no opinion about our types. */
    private final CBORMapper plain = new CBORMapper();

    /** Receives the next message expecting failure, then proves the channel still delivers a good message. */
    private static <T> IpcSerializationException failsThenRecovers(HostileChannel<T> channel, T good,
            String what) throws Exception {
        IpcSerializationException e = assertThrows(IpcSerializationException.class,
                () -> channel.receiver().recv(), what);
        HostileChannel.assertExplains(JacksonSerializer.NAME, e, channel.receiver().type());
        channel.sender().send(good);
        assertEquals(good, channel.receiver().recv(), "the channel still works after " + what);
        return e;
    }

    @Test
    void everyTruncationIsRejected() {
        Catalogue catalogue = new Catalogue(Map.of("a", List.of(new Messages.Box<>(new Point(1, 2)))),
                List.of("tag"), Map.of("n", 1));
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (HostileChannel<Catalogue> channel = new HostileChannel<>(TypeRef.of(Catalogue.class), serializer)) {
                FakeContexts.Encoding encoding = new FakeContexts.Encoding();
                serializer.codec(TypeRef.of(Catalogue.class)).encode(catalogue, encoding);
                byte[] whole = encoding.payload();
                for (int length = 0; length < whole.length; length++) {
                    channel.sendRaw(Arrays.copyOf(whole, length));
                    failsThenRecovers(channel, catalogue, "a payload cut to " + length + " of " + whole.length);
                }
            }
        });
    }

    @Test
    void randomBytesAreRejectedOrDecodedNeverWorse() {
        Random random = new Random(RANDOM_SEED);
        Point good = new Point(1, 1);
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (HostileChannel<Point> channel = new HostileChannel<>(TypeRef.of(Point.class), serializer)) {
                for (int i = 0; i < RANDOM_PAYLOADS; i++) {
                    byte[] noise = new byte[random.nextInt(MAX_RANDOM_LENGTH)];
                    random.nextBytes(noise);
                    channel.sendRaw(noise);
                    try {
                        assertEquals(Point.class, channel.receiver().recv().getClass(), "whatever decodes is a Point");
                    } catch (IpcSerializationException e) {
                        HostileChannel.assertExplains(JacksonSerializer.NAME, e, TypeRef.of(Point.class));
                    }
                }
                channel.sender().send(good);
                assertEquals(good, channel.receiver().recv(), "the channel still works after random payloads");
            }
        });
    }

    @Test
    void wrongDeclaredTypeIsRejected() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<Point> points = Ipc.channel(Point.class, serializer)) {
                IpcReceiver<Person> asPerson = points.receiver().toOpaque().to(TypeRef.of(Person.class), serializer);
                IpcReceiver<List<String>> asList = points.receiver().toOpaque()
                        .to(new TypeRef<List<String>>() {}, serializer);

                points.sender().send(new Point(1, 2));
                IpcSerializationException e = assertThrows(IpcSerializationException.class, asPerson::recv,
                        "a Point read as a Person");
                HostileChannel.assertExplains(JacksonSerializer.NAME, e, TypeRef.of(Person.class));
                assertTrue(e.getMessage().contains("\"x\""), "the message says what was found: " + e.getMessage());

                points.sender().send(new Point(3, 4));
                HostileChannel.assertExplains(JacksonSerializer.NAME,
                        assertThrows(IpcSerializationException.class, asList::recv,
                                "a Point read as a List"), asList.type());

                points.sender().send(new Point(5, 6));
                assertEquals(new Point(5, 6), points.receiver().recv(), "the next message decodes");
            }
        });
    }

    @Test
    void trailingGarbageIsRejected() {
        Line line = new Line(new Point(0, 1), new Point(2, 3), "l");
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (HostileChannel<Line> channel = new HostileChannel<>(TypeRef.of(Line.class), serializer)) {
                byte[] valid = plain.writeValueAsBytes(line);
                for (byte extra : new byte[] {0x00, (byte) 0xFF, (byte) 0xA0}) {
                    byte[] padded = Arrays.copyOf(valid, valid.length + 1);
                    padded[valid.length] = extra;
                    channel.sendRaw(padded);
                    failsThenRecovers(channel, line, String.format("a valid Line followed by 0x%02x", extra));
                }
            }
        });
    }

    @Test
    void bytesFrameIsRejectedByTypedReceiver() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcBytesChannel bytes = Ipc.bytesChannel()) {
                IpcReceiver<Point> typed = bytes.receiver().toOpaque().to(TypeRef.of(Point.class), serializer);
                bytes.sender().send(plain.writeValueAsBytes(new Point(1, 2)));
                IpcSerializationException e = assertThrows(IpcSerializationException.class, typed::recv,
                        "a bytes-channel frame read by a jackson receiver");
                assertTrue(e.getMessage().contains("'bytes'") && e.getMessage().contains("'jackson'"),
                        "the mismatch names both serializers: " + e.getMessage());
            }
        });
    }
}
