package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.kryo.Messages.Box;
import ipc.serde.kryo.Messages.Catalogue;
import ipc.serde.kryo.Messages.Line;
import ipc.serde.kryo.Messages.Point;
import ipc.serde.testsupport.FakeContexts;
import ipc.serde.testsupport.HostileChannel;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Bad payloads fail with a clear IpcSerializationException, and the channel goes on working. */
class HostilePayloadTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final long RANDOM_SEED = 20240607L;
    private static final int RANDOM_PAYLOADS = 500;
    private static final int MAX_RANDOM_LENGTH = 48;

    private final KryoSerializer serializer = new KryoSerializer();

    /** Receives the next message expecting failure, then proves the channel still delivers a good message. */
    private static <T> IpcSerializationException failsThenRecovers(HostileChannel<T> channel, T good,
            String what) throws Exception {
        IpcSerializationException e = assertThrows(IpcSerializationException.class,
                () -> channel.receiver().recv(), what);
        HostileChannel.assertExplains(KryoSerializer.NAME, e, channel.receiver().type());
        channel.sender().send(good);
        assertEquals(good, channel.receiver().recv(), "the channel still works after " + what);
        return e;
    }

    @Test
    void everyTruncationIsRejected() {
        Catalogue catalogue = new Catalogue(Map.of("a", List.of(new Box<>(new Point(1, 2)))), List.of("tag"),
                Map.of("n", 1));
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (HostileChannel<Catalogue> channel = new HostileChannel<>(TypeRef.of(Catalogue.class), serializer)) {
                byte[] whole = FakeContexts.encode(serializer.codec(TypeRef.of(Catalogue.class)), catalogue);
                for (int length = 0; length < whole.length; length++) {
                    channel.sendRaw(Arrays.copyOf(whole, length));
                    failsThenRecovers(channel, catalogue, "a payload cut to " + length + " of " + whole.length);
                }
            }
        });
    }

    @Test
    void randomBytesAfterAGenuineFingerprintAreRejectedOrDecodedNeverWorse() {
        Random random = new Random(RANDOM_SEED);
        Line good = new Line(new Point(1, 1), null, "good");
        assertTimeoutPreemptively(TIMEOUT, () -> {
            MessageCodec<Line> codec = serializer.codec(TypeRef.of(Line.class));
            byte[] fingerprint = Crafted.fingerprint(codec, good);
            try (HostileChannel<Line> channel = new HostileChannel<>(TypeRef.of(Line.class), serializer)) {
                for (int i = 0; i < RANDOM_PAYLOADS; i++) {
                    byte[] noise = new byte[random.nextInt(MAX_RANDOM_LENGTH)];
                    random.nextBytes(noise);
                    byte[] payload = Arrays.copyOf(fingerprint, fingerprint.length + noise.length);
                    System.arraycopy(noise, 0, payload, fingerprint.length, noise.length);
                    channel.sendRaw(i % 2 == 0 ? payload : noise);
                    try {
                        assertEquals(Line.class, channel.receiver().recv().getClass(), "whatever decodes is a Line");
                    } catch (IpcSerializationException e) {
                        HostileChannel.assertExplains(KryoSerializer.NAME, e, TypeRef.of(Line.class));
                    }
                }
                channel.sender().send(good);
                assertEquals(good, channel.receiver().recv(), "the channel still works after random payloads");
            }
        });
    }

    @Test
    void trailingBytesAreRejected() {
        Line line = new Line(new Point(0, 1), new Point(2, 3), "l");
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (HostileChannel<Line> channel = new HostileChannel<>(TypeRef.of(Line.class), serializer)) {
                byte[] valid = FakeContexts.encode(serializer.codec(TypeRef.of(Line.class)), line);
                for (byte extra : new byte[] {0x00, (byte) 0xFF}) {
                    byte[] padded = Arrays.copyOf(valid, valid.length + 1);
                    padded[valid.length] = extra;
                    channel.sendRaw(padded);
                    failsThenRecovers(channel, line, String.format("a valid Line followed by 0x%02x", extra));
                }
            }
        });
    }
}
