package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.kryo.Messages.Blob;
import ipc.serde.testsupport.FakeContexts;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Values far larger than Kryo's buffers stream through them intact, and empty values stay empty. */
class LargeValueTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int LARGE_BYTES = 64 * 1024 * 1024 + 7;
    private static final int LARGE_STRING_CHARS = 4 * 1024 * 1024;
    private static final int MANY_ELEMENTS = 200_000;

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
    void sixtyFourMebibytesInARecord() {
        byte[] data = new byte[LARGE_BYTES];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31);
        }
        Blob blob = new Blob("large", data);
        assertEquals(blob, roundTrip(TypeRef.of(Blob.class), blob), "a 64 MiB byte array in a record");
    }

    /**
     * Byte runs that fit the output buffer are copied into it, larger ones go past it to the message: either way each
     * lands in order between the fields around it.
     */
    @Test
    void byteRunsAroundTheBufferSizeKeepTheirPlace() {
        int[] sizes = {0, 1, 8 * 1024 - 3, 8 * 1024, 8 * 1024 + 1, 50_000, 3, 300_000, 7};
        List<Blob> blobs = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = new byte[sizes[i]];
            for (int at = 0; at < data.length; at++) {
                data[at] = (byte) (at * 7 + i);
            }
            blobs.add(new Blob("blob " + i, data));
        }
        assertEquals(blobs, roundTrip(new TypeRef<List<Blob>>() {}, blobs), "records with byte runs of every size");
    }

    /**
     * A byte array is read from where its message sits in the array that holds it (a frame is often a slice of a
     * larger buffer), whatever comes before and after it.
     */
    @Test
    void byteArraysAreReadFromAFrameInsideALargerArray() throws Exception {
        TypeRef<List<Blob>> type = new TypeRef<List<Blob>>() {};
        MessageCodec<List<Blob>> codec = serializer.codec(type);
        List<Blob> blobs = List.of(new Blob("first", new byte[] {1, 2, 3}), new Blob("second", pattern(70_000)));
        byte[] payload = FakeContexts.encode(codec, blobs);
        int before = 13;
        byte[] holder = new byte[before + payload.length + 29];
        Arrays.fill(holder, (byte) 0x5a);
        System.arraycopy(payload, 0, holder, before, payload.length);
        ByteBuffer frame = ByteBuffer.wrap(holder, before - 4, payload.length + 4).position(before).slice();
        assertEquals(blobs, codec.decode(frame, FakeContexts.Decoding.empty()), "blobs decoded from a slice");
    }

    /**
     * Messages outside the Java heap are copied into an array the decoder keeps for the next one: what was decoded
     * from one message never changes when the next is decoded, whichever is larger.
     */
    @Test
    void valuesDecodedFromDirectBuffersStayIntactAfterLaterMessages() throws Exception {
        MessageCodec<Blob> codec = serializer.codec(TypeRef.of(Blob.class));
        int[] sizes = {100_000, 50_000, 400_000, 3, 200_000};
        List<Blob> sent = new ArrayList<>();
        List<Blob> decoded = new ArrayList<>();
        for (int i = 0; i < sizes.length; i++) {
            byte[] data = pattern(sizes[i]);
            Arrays.fill(data, 0, Math.min(data.length, 16), (byte) i);
            Blob blob = new Blob("blob " + i, data);
            byte[] payload = FakeContexts.encode(codec, blob);
            ByteBuffer direct = ByteBuffer.allocateDirect(payload.length + 8).position(8);
            direct.put(payload).position(8);
            sent.add(blob);
            decoded.add(codec.decode(direct, FakeContexts.Decoding.empty()));
        }
        assertEquals(sent, decoded, "every value as sent, after all were decoded");
    }

    private static byte[] pattern(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < length; i++) {
            data[i] = (byte) (i * 13 + 1);
        }
        return data;
    }

    @Test
    void longStringsAndLongLists() {
        String text = "é".repeat(LARGE_STRING_CHARS);
        assertEquals(text, roundTrip(TypeRef.of(String.class), text), "a 4 Mi-character non-ASCII string");
        List<Messages.Point> points = new ArrayList<>();
        for (int i = 0; i < MANY_ELEMENTS; i++) {
            points.add(new Messages.Point(i, -i));
        }
        assertEquals(points, roundTrip(new TypeRef<List<Messages.Point>>() {}, points), "200,000 records");
    }

    @Test
    void emptyValues() {
        assertEquals(new Blob("", new byte[0]), roundTrip(TypeRef.of(Blob.class), new Blob("", new byte[0])),
                "an empty string and an empty array");
        assertEquals("", roundTrip(TypeRef.of(String.class), ""), "an empty string alone");
    }
}
