package ipc.serde.jackson;

import static ipc.serde.testsupport.Allocations.afterWarmUp;
import static ipc.serde.testsupport.Allocations.allocationCounter;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.jackson.Messages.Blob;
import ipc.serde.testsupport.Allocations.Measured;
import ipc.serde.testsupport.FakeContexts;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A length a message declares costs nothing beyond the bytes actually present: crafted CBOR headers that declare
 * almost 2 GiB fail at once, and the decoding thread allocates far less than the declared size.
 */
class AllocationBoundTest {

    /** Generous for parser buffers and the exception; nothing near the 2 GiB the payloads declare. */
    private static final long ALLOCATION_BUDGET = 1024 * 1024;

    /** CBOR major types (RFC 8949, section 3.1), shifted into the initial byte. */
    private static final int BYTE_STRING = 2 << 5;
    private static final int TEXT_STRING = 3 << 5;
    private static final int ARRAY = 4 << 5;
    private static final int MAP = 5 << 5;
    /** Additional information: the length follows in 4 or 8 bytes. */
    private static final int FOUR_BYTE_LENGTH = 26;
    private static final int EIGHT_BYTE_LENGTH = 27;
    private static final int ONE_ELEMENT_ARRAY = ARRAY | 1;
    /** Just under 2 GiB: fits the int lengths Jackson works with. */
    private static final int HUGE_LENGTH = Integer.MAX_VALUE - 15;
    /** Far beyond any Java array. */
    private static final long HUGER_LENGTH = Long.MAX_VALUE >>> 1;
    private static final byte[] CONTENT_PRESENT = {1, 2, 3};
    private static final int NESTING_BEYOND_LIMIT = 10_000;
    /** The map header and the three short text strings of {@link #blobWithHugeData()}. */
    private static final int TWO_ENTRY_MAP_AND_KEYS = 1 + (1 + 4) + (1 + 1) + (1 + 4);

    private static final JacksonSerializer SERIALIZER = new JacksonSerializer();

    /** A header of {@code majorType} declaring {@link #HUGE_LENGTH} items or bytes, then three bytes of content. */
    private static byte[] hugeDeclaredLength(int majorType) {
        return ByteBuffer.allocate(1 + Integer.BYTES + CONTENT_PRESENT.length)
                .put((byte) (majorType | FOUR_BYTE_LENGTH)).putInt(HUGE_LENGTH).put(CONTENT_PRESENT).array();
    }

    private static byte[] hugerEightByteLength() {
        return ByteBuffer.allocate(1 + Long.BYTES + CONTENT_PRESENT.length)
                .put((byte) (BYTE_STRING | EIGHT_BYTE_LENGTH)).putLong(HUGER_LENGTH).put(CONTENT_PRESENT).array();
    }

    /** {"name": "n", "data": <byte string declaring almost 2 GiB>}, written by hand. */
    private static byte[] blobWithHugeData() {
        byte[] huge = hugeDeclaredLength(BYTE_STRING);
        ByteBuffer payload = ByteBuffer.allocate(TWO_ENTRY_MAP_AND_KEYS + huge.length).put((byte) (MAP | 2));
        for (String text : List.of("name", "n", "data")) {
            payload.put((byte) (TEXT_STRING | text.length())).put(text.getBytes(StandardCharsets.US_ASCII));
        }
        return payload.put(huge).array();
    }

    private static byte[] deeplyNested() {
        byte[] payload = new byte[NESTING_BEYOND_LIMIT + 1];
        Arrays.fill(payload, (byte) ONE_ELEMENT_ARRAY);
        payload[NESTING_BEYOND_LIMIT] = 0;
        return payload;
    }

    static Stream<Arguments> hostilePayloads() {
        String missingBytes = "expected " + HUGE_LENGTH + " bytes";
        return Stream.of(
                Arguments.of("byte string", TypeRef.of(byte[].class), hugeDeclaredLength(BYTE_STRING), missingBytes),
                Arguments.of("byte string, 8-byte length", TypeRef.of(byte[].class), hugerEightByteLength(),
                        "Illegal length"),
                Arguments.of("byte string in a record", TypeRef.of(Blob.class), blobWithHugeData(), missingBytes),
                Arguments.of("text string", TypeRef.of(String.class), hugeDeclaredLength(TEXT_STRING),
                        "end-of-input in VALUE_STRING"),
                Arguments.of("array as List", new TypeRef<List<Integer>>() {}, hugeDeclaredLength(ARRAY),
                        "more elements"),
                Arguments.of("array as int[]", TypeRef.of(int[].class), hugeDeclaredLength(ARRAY), "more elements"),
                Arguments.of("map", new TypeRef<Map<String, Integer>>() {}, hugeDeclaredLength(MAP),
                        "more properties"),
                Arguments.of("10,000 nested arrays", TypeRef.of(Object.class), deeplyNested(), "nesting depth"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePayloads")
    void declaredSizeIsNeverAllocated(String name, TypeRef<?> type, byte[] payload, String reason) {
        allocationCounter(); // skips this test where the JVM cannot count allocated bytes
        MessageCodec<?> codec = SERIALIZER.codec(type);
        for (ByteBuffer data : List.of(ByteBuffer.wrap(payload), ByteBuffer.wrap(payload).asReadOnlyBuffer())) {
            String source = data.hasArray() ? "array" : "stream";
            Measured<IpcSerializationException> measured = afterWarmUp(() -> decodeFails(codec, data, name));
            IpcSerializationException e = measured.result();
            long allocated = measured.allocatedBytes();
            assertTrue(allocated < ALLOCATION_BUDGET, name + " (" + source + ") allocated " + allocated + " bytes");
            String message = e.getMessage();
            assertTrue(message.contains(reason), name + " fails for the intended reason (" + reason + "): " + message);
            assertTrue(message.contains("jackson") && message.contains(type.toString()),
                    "the message names the serializer and the type: " + message);
        }
    }

    private static IpcSerializationException decodeFails(MessageCodec<?> codec, ByteBuffer data, String name) {
        return assertThrows(IpcSerializationException.class,
                () -> codec.decode(data.duplicate(), FakeContexts.Decoding.empty()), name + " is rejected");
    }
}
