package ipc.serde.jackson;

import static ipc.serde.testsupport.Allocations.afterWarmUp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.jackson.Messages.Blob;
import ipc.serde.jackson.Messages.Point;
import ipc.serde.testsupport.FakeContexts;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * A payload outside the heap (what a transport receives into) is parsed from a copy the thread keeps: a byte string
 * then costs one array of its length, values decoded earlier never change when the copy is reused, and a decode
 * that starts while the copy is in use (a deserializer receiving another message) is still right.
 */
class OffHeapPayloadTest {

    private static final JacksonSerializer SERIALIZER = new JacksonSerializer();
    private static final MessageCodec<Blob> BLOBS = SERIALIZER.codec(TypeRef.of(Blob.class));

    private static ByteBuffer offHeap(byte[] payload) {
        return ByteBuffer.allocateDirect(payload.length).put(payload).flip();
    }

    private static <T> T decode(MessageCodec<T> codec, ByteBuffer payload) {
        try {
            return codec.decode(payload.duplicate(), FakeContexts.Decoding.empty());
        } catch (IpcSerializationException e) {
            throw new AssertionError("decoding a valid payload", e);
        }
    }

    @Test
    void valuesDecodedEarlierStayIntact() throws Exception {
        byte[] first = LargeBinaryTest.pattern(100_000);
        byte[] second = LargeBinaryTest.pattern(100_000);
        second[5] ^= 1;
        Blob earlier = decode(BLOBS, offHeap(FakeContexts.encode(BLOBS, new Blob("first name", first))));
        Blob later = decode(BLOBS, offHeap(FakeContexts.encode(BLOBS, new Blob("other name", second))));
        assertEquals(new Blob("first name", first), earlier, "the first value after the second decode");
        assertEquals(new Blob("other name", second), later, "the second value");
    }

    @Test
    void aByteStringCostsOneArrayOfItsLength() throws Exception {
        int size = 200_000;
        byte[] data = LargeBinaryTest.pattern(size);
        MessageCodec<byte[]> bytes = SERIALIZER.codec(TypeRef.of(byte[].class));
        ByteBuffer payload = offHeap(FakeContexts.encode(bytes, data));
        var measured = afterWarmUp(() -> decode(bytes, payload));
        assertArrayEquals(data, measured.result(), "the decoded array");
        // Read as a stream, the same payload allocated about twice its size (chunks gathered, then joined).
        assertTrue(measured.allocatedBytes() < size + size / 4,
                "decoding " + size + " bytes from outside the heap allocated " + measured.allocatedBytes());
    }

    @Test
    void aDecodeInsideADecodeOnTheSameThreadIsRight() throws Exception {
        byte[] inner = LargeBinaryTest.pattern(50_000);
        ByteBuffer innerPayload = offHeap(FakeContexts.encode(BLOBS, new Blob("inner", inner)));
        AtomicReference<Blob> decodedInside = new AtomicReference<>();
        SimpleModule nested = new SimpleModule().addDeserializer(Point.class, new ValueDeserializer<Point>() {
            @Override
            public Point deserialize(JsonParser parser, DeserializationContext context) {
                decodedInside.set(decode(BLOBS, innerPayload));
                int[] xy = parser.readValueAs(int[].class);
                return new Point(xy[0], xy[1]);
            }
        });
        JacksonSerializer custom = JacksonSerializer.configured(builder -> builder.addModule(nested));
        MessageCodec<Messages.Box<Point>> boxes = custom.codec(new TypeRef<Messages.Box<Point>>() {});
        byte[] outer = FakeContexts.encode(SERIALIZER.codec(new TypeRef<Messages.Box<int[]>>() {}),
                new Messages.Box<>(new int[] {3, 4}));
        assertEquals(new Messages.Box<>(new Point(3, 4)), decode(boxes, offHeap(outer)), "the outer value");
        assertEquals(new Blob("inner", inner), decodedInside.get(), "the value decoded inside");
    }
}
