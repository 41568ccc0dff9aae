package ipc.serde.jackson;

import static ipc.serde.testsupport.Allocations.afterWarmUp;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.MessageCodec;
import ipc.serde.jackson.Messages.Blob;
import ipc.serde.testsupport.Allocations.Measured;
import ipc.serde.testsupport.FakeContexts;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * Large {@code byte[]} values cost what they must and no more: decoding allocates the array once (no second
 * full-size buffer to gather it in), encoding streams it through the generator's small buffer, and a byte string
 * that declares more than the message carries fails having stored at most the bytes present.
 */
class LargeBinaryTest {

    private static final int LARGE = 4 << 20;
    /** Parser, context and exception objects: small next to {@link #LARGE}, far below a second copy. */
    private static final long OVERHEAD_BUDGET = 256 * 1024;
    /** CBOR initial byte of a byte string whose length follows in four bytes. */
    private static final int BYTE_STRING_FOUR_BYTE_LENGTH = (2 << 5) | 26;

    private static final JacksonSerializer SERIALIZER = new JacksonSerializer();
    private static final MessageCodec<byte[]> BYTES = SERIALIZER.codec(TypeRef.of(byte[].class));

    static byte[] pattern(int length) {
        byte[] data = new byte[length];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 31 + (i >>> 8));
        }
        return data;
    }

    private static <T> T decode(MessageCodec<T> codec, ByteBuffer data) {
        try {
            return codec.decode(data.duplicate(), FakeContexts.Decoding.empty());
        } catch (IpcSerializationException e) {
            throw new AssertionError("decoding a valid payload", e);
        }
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 23, 24, 255, 256, 65_535, 65_536, 250_000, 250_001, (1 << 20) + 7, LARGE})
    void roundTripsByteExactFromEveryKindOfBuffer(int length) throws Exception {
        byte[] data = pattern(length);
        byte[] payload = FakeContexts.encode(BYTES, data);
        ByteBuffer offsetSlice = ByteBuffer.wrap(new byte[payload.length + 3], 2, payload.length).slice();
        offsetSlice.put(payload).flip();
        ByteBuffer direct = ByteBuffer.allocateDirect(payload.length).put(payload).flip();
        for (ByteBuffer buffer : List.of(ByteBuffer.wrap(payload), offsetSlice,
                ByteBuffer.wrap(payload).asReadOnlyBuffer(), direct)) {
            assertArrayEquals(data, decode(BYTES, buffer), length + " bytes from " + buffer);
        }
    }

    @Test
    void largeArraysInsideOtherValuesRoundTrip() throws Exception {
        byte[] first = pattern(LARGE);
        byte[] second = pattern(LARGE / 2 + 1);
        second[0] ^= 1;
        Blob blob = new Blob("b", first);
        assertEquals(blob, FakeContexts.decode(SERIALIZER.codec(TypeRef.of(Blob.class)),
                FakeContexts.encode(SERIALIZER.codec(TypeRef.of(Blob.class)), blob)), "in a record");
        MessageCodec<List<byte[]>> list = SERIALIZER.codec(new TypeRef<List<byte[]>>() {});
        List<byte[]> decoded = FakeContexts.decode(list, FakeContexts.encode(list, List.of(first, second)));
        assertArrayEquals(first, decoded.get(0), "first list element");
        assertArrayEquals(second, decoded.get(1), "second list element");
        MessageCodec<Map<String, byte[]>> map = SERIALIZER.codec(new TypeRef<Map<String, byte[]>>() {});
        assertArrayEquals(second, FakeContexts.decode(map, FakeContexts.encode(map, Map.of("k", second))).get("k"),
                "as a map value");
    }

    static List<JacksonSerializer> serializers() {
        return List.of(SERIALIZER, JacksonSerializer.configured(builder -> { }),
                JacksonSerializer.withMapper(new CBORMapper()));
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void decodingAllocatesTheArrayOnce(JacksonSerializer serializer) throws Exception {
        byte[] data = pattern(LARGE);
        MessageCodec<byte[]> bytes = serializer.codec(TypeRef.of(byte[].class));
        ByteBuffer payload = ByteBuffer.wrap(FakeContexts.encode(bytes, data));
        Measured<byte[]> measured = afterWarmUp(() -> decode(bytes, payload));
        assertArrayEquals(data, measured.result(), "the decoded array");
        assertTrue(measured.allocatedBytes() < LARGE + OVERHEAD_BUDGET,
                "decoding " + LARGE + " bytes allocated " + measured.allocatedBytes() + " bytes");

        MessageCodec<Blob> blobs = serializer.codec(TypeRef.of(Blob.class));
        ByteBuffer record = ByteBuffer.wrap(FakeContexts.encode(blobs, new Blob("b", data)));
        long inRecord = afterWarmUp(() -> decode(blobs, record)).allocatedBytes();
        assertTrue(inRecord < LARGE + OVERHEAD_BUDGET, "a record with " + LARGE + " bytes allocated " + inRecord);
    }

    @Test
    void encodingNeedsNoFullSizeBuffer() {
        byte[] data = pattern(LARGE);
        PresizedOutput output = new PresizedOutput(LARGE + 16);
        EncodeContext context = new EncodeContext() {
            @Override
            public OutputStream output() {
                return output;
            }

            @Override
            public int handleIndex(Object handle) {
                throw new AssertionError("no handles here");
            }
        };
        long allocated = afterWarmUp(() -> {
            output.reset();
            try {
                BYTES.encode(data, context);
            } catch (IpcSerializationException e) {
                throw new AssertionError("encoding a byte array", e);
            }
            return null;
        }).allocatedBytes();
        assertTrue(allocated < OVERHEAD_BUDGET, "encoding " + LARGE + " bytes allocated " + allocated + " bytes");
        assertArrayEquals(data, decode(BYTES, ByteBuffer.wrap(output.bytes, 0, output.count)), "what was written");
    }

    @Test
    void declaredLengthBeyondThePayloadIsRefusedWithoutAllocatingIt() {
        int present = 1 << 20;
        byte[] truncated = ByteBuffer.allocate(1 + Integer.BYTES + present).put((byte) BYTE_STRING_FOUR_BYTE_LENGTH)
                .putInt(present + 1).put(pattern(present)).array();
        for (ByteBuffer data : List.of(ByteBuffer.wrap(truncated), ByteBuffer.wrap(truncated).asReadOnlyBuffer())) {
            Measured<IpcSerializationException> measured = afterWarmUp(() -> assertThrows(
                    IpcSerializationException.class, () -> BYTES.decode(data.duplicate(),
                            FakeContexts.Decoding.empty()), "one byte missing"));
            String message = measured.result().getMessage();
            assertTrue(message.contains("expected " + (present + 1) + " bytes, only found " + present), message);
            assertTrue(measured.allocatedBytes() < present + OVERHEAD_BUDGET,
                    "at most the bytes present are stored: " + measured.allocatedBytes());
        }
    }

    /** A sink sized up front, so that only the encoder's own allocations are counted. */
    private static final class PresizedOutput extends OutputStream {
        final byte[] bytes;
        int count;

        PresizedOutput(int capacity) {
            bytes = new byte[capacity];
        }

        void reset() {
            count = 0;
        }

        @Override
        public void write(int b) {
            bytes[count++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            System.arraycopy(b, off, bytes, count, len);
            count += len;
        }
    }
}
