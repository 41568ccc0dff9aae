package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.jackson.Messages.Blob;
import ipc.serde.testsupport.FakeContexts;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * A large {@code byte[]} of the value (64 KiB or more) is handed to the message as the value's own array instead of
 * being copied through the generator, and the payload is byte for byte what Jackson's own CBOR generator writes:
 * alone, in a record, in a list of definite length and in a map, beside small arrays that are still copied.
 */
class ValueBytesHandOverTest {

    private static final int SMALLEST = 64 * 1024;
    /** Jackson's own generator: a mapper with a plain {@code CBORFactory}. */
    private static final JacksonSerializer REFERENCE = JacksonSerializer.withMapper(new CBORMapper());

    static List<JacksonSerializer> serializers() {
        return List.of(new JacksonSerializer(), JacksonSerializer.configured(builder -> { }));
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void aLoneArrayIsHandedOverFromItsSizeOn(JacksonSerializer serializer) throws Exception {
        for (int size : new int[] {SMALLEST - 1, SMALLEST, (1 << 20) + 3}) {
            byte[] data = LargeBinaryTest.pattern(size);
            check(serializer, TypeRef.of(byte[].class), data, size < SMALLEST ? List.of() : List.of(data));
        }
    }

    @ParameterizedTest
    @MethodSource("serializers")
    void arraysInsideValuesAreHandedOverInOrder(JacksonSerializer serializer) throws Exception {
        byte[] large = LargeBinaryTest.pattern(200_000);
        check(serializer, TypeRef.of(Blob.class), new Blob("before and after", large), List.of(large));

        byte[] first = LargeBinaryTest.pattern(70_000);
        byte[] small = LargeBinaryTest.pattern(10);
        byte[] last = LargeBinaryTest.pattern(SMALLEST);
        last[0] ^= 1;
        check(serializer, new TypeRef<List<byte[]>>() {}, List.of(first, small, last), List.of(first, last));

        Map<String, byte[]> map = new LinkedHashMap<>();
        map.put("a", first);
        map.put("b", small);
        map.put("c", last);
        check(serializer, new TypeRef<Map<String, byte[]>>() {}, map, List.of(first, last));
    }

    /**
     * Encodes {@code value} into a context that records hand-overs without reading them, then joins the payload
     * (reading the handed-over arrays only now, so a buffer the generator reused would show) and compares it with
     * Jackson's own encoding.
     */
    private static <T> void check(JacksonSerializer serializer, TypeRef<T> type, T value, List<byte[]> handedOver)
            throws Exception {
        MessageCodec<T> codec = serializer.codec(type);
        FakeContexts.HandingOver context = new FakeContexts.HandingOver();
        codec.encode(value, context);
        byte[] expected = FakeContexts.encode(REFERENCE.codec(type), value);
        assertArrayEquals(expected, context.joined(), "the payload of " + type + " as Jackson writes it");
        assertEquals(handedOver.size(), context.runs().size(), "arrays handed over for " + type);
        for (int i = 0; i < handedOver.size(); i++) {
            FakeContexts.HandingOver.Run run = context.runs().get(i);
            assertSame(handedOver.get(i), run.array(), "hand-over " + i + " is the value's own array");
            assertEquals(0, run.offset(), "hand-over " + i + "'s offset");
            assertEquals(handedOver.get(i).length, run.length(), "hand-over " + i + "'s length");
        }
    }
}
