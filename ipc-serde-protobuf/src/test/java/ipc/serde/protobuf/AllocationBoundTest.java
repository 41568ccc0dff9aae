package ipc.serde.protobuf;

import static ipc.serde.testsupport.Allocations.afterWarmUp;
import static ipc.serde.testsupport.Allocations.allocationCounter;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.protobuf.fixtures.Blob;
import ipc.serde.protobuf.fixtures.Numbers;
import ipc.serde.protobuf.fixtures.Person;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.protobuf.fixtures.Tree;
import ipc.serde.testsupport.Allocations.Measured;
import ipc.serde.testsupport.FakeContexts;
import ipc.serde.testsupport.HostileChannel;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A length a payload declares costs nothing beyond the bytes actually present, and nesting is bounded: crafted
 * payloads declaring almost 2 GiB, or nesting 10,000 levels deep, fail at once, from heap, read-only and direct
 * buffers alike, and the decoding thread allocates far less than the declared size.
 */
class AllocationBoundTest {

    /** Generous for the parser, the exception and its stack trace; nothing near the 2 GiB the payloads declare. */
    private static final long ALLOCATION_BUDGET = 1024 * 1024;
    private static final int HUGE_LENGTH = Integer.MAX_VALUE - 15;
    private static final byte[] CONTENT_PRESENT = {1, 2, 3};
    private static final int NESTING_BEYOND_LIMIT = 10_000;
    private static final String TRUNCATED = "input ended unexpectedly";
    private static final String TOO_DEEP = "too many levels of nesting";

    private static final ProtobufSerializer SERIALIZER = new ProtobufSerializer();

    /** Field {@code field} declaring {@link #HUGE_LENGTH} bytes, then three. */
    private static byte[] huge(int field) {
        return new WireBytes().tag(field, WireBytes.LENGTH_DELIMITED).varint(HUGE_LENGTH).raw(CONTENT_PRESENT)
                .bytes();
    }

    private static byte[] nestedGroups(int field, int depth) {
        return new WireBytes().repeat(depth, new WireBytes().tag(field, WireBytes.START_GROUP).bytes())
                .repeat(depth, new WireBytes().tag(field, WireBytes.END_GROUP).bytes()).bytes();
    }

    static Stream<Arguments> hostilePayloads() {
        return Stream.of(
                Arguments.of("byte[] of 2 GiB", TypeRef.of(byte[].class), huge(1), TRUNCATED),
                Arguments.of("String of 2 GiB", TypeRef.of(String.class), huge(1), TRUNCATED),
                Arguments.of("bytes field of 2 GiB", TypeRef.of(Blob.class), huge(2), TRUNCATED),
                Arguments.of("packed repeated int32 of 2 GiB", TypeRef.of(Numbers.class), huge(1), TRUNCATED),
                Arguments.of("map entry of 2 GiB", TypeRef.of(Person.class), huge(4), TRUNCATED),
                Arguments.of("unknown field of 2 GiB", TypeRef.of(Point.class), huge(9), TRUNCATED),
                Arguments.of("length of 2^64 - 1", TypeRef.of(Blob.class),
                        new WireBytes().tag(2, WireBytes.LENGTH_DELIMITED).varint(-1L).raw(CONTENT_PRESENT).bytes(),
                        "negative size"),
                Arguments.of("10,000 nested messages", TypeRef.of(Tree.class),
                        WireBytes.nestedMessages(2, NESTING_BEYOND_LIMIT), TOO_DEEP),
                Arguments.of("10,000 nested unknown groups", TypeRef.of(Point.class),
                        nestedGroups(9, NESTING_BEYOND_LIMIT), TOO_DEEP));
    }

    /** The payload in a heap buffer, a read-only heap buffer (no array access) and a direct buffer. */
    private static List<ByteBuffer> buffers(byte[] payload) {
        ByteBuffer direct = ByteBuffer.allocateDirect(payload.length).put(payload).flip();
        return List.of(ByteBuffer.wrap(payload), ByteBuffer.wrap(payload).asReadOnlyBuffer(), direct);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePayloads")
    void declaredSizeIsNeverAllocated(String name, TypeRef<?> type, byte[] payload, String reason) {
        allocationCounter(); // skips this test where the JVM cannot count allocated bytes
        MessageCodec<?> codec = SERIALIZER.codec(type);
        for (ByteBuffer data : buffers(payload)) {
            String source = data.isDirect() ? "direct" : data.hasArray() ? "heap" : "read-only";
            Measured<IpcSerializationException> measured = afterWarmUp(() -> decodeFails(codec, data, name));
            IpcSerializationException e = measured.result();
            long allocated = measured.allocatedBytes();
            assertTrue(allocated < ALLOCATION_BUDGET + payload.length, name + " (" + source + ") allocated "
                    + allocated + " bytes");
            String message = e.getMessage();
            assertTrue(message.contains(reason), name + " (" + source + ") fails for the intended reason (" + reason
                    + "): " + message);
            HostileChannel.assertExplains("'" + ProtobufSerializer.NAME + "'", e, type);
        }
    }

    private static IpcSerializationException decodeFails(MessageCodec<?> codec, ByteBuffer data, String name) {
        return assertThrows(IpcSerializationException.class,
                () -> codec.decode(data.duplicate(), new FakeContexts.NoHandles()), name + " is rejected");
    }
}
