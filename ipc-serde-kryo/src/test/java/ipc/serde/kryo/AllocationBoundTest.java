package ipc.serde.kryo;

import static ipc.serde.testsupport.Allocations.afterWarmUp;
import static ipc.serde.testsupport.Allocations.allocationCounter;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.kryo.Messages.Blob;
import ipc.serde.kryo.Messages.Node;
import ipc.serde.kryo.Messages.Point;
import ipc.serde.testsupport.Allocations.Measured;
import ipc.serde.testsupport.FakeContexts;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A length a message declares costs nothing beyond the bytes actually present: crafted payloads (with the genuine
 * type fingerprint, so they reach the decoder) that declare almost 2 GiB fail at once, and the decoding thread
 * allocates far less than the declared size.
 */
class AllocationBoundTest {

    /** Generous for Kryo's buffers and the exception; nothing near the sizes the payloads declare. */
    private static final long ALLOCATION_BUDGET = 1024 * 1024;
    /** Just under 2 GiB. */
    private static final int HUGE = Integer.MAX_VALUE - 15;
    private static final byte[] CONTENT_PRESENT = {1, 2, 3};
    private static final int NESTING_BEYOND_LIMIT = 10_000;

    private static final KryoSerializer SERIALIZER = new KryoSerializer();

    /** A payload for {@code type} ({@code sample} gives the fingerprint): {@code body}, then three bytes. */
    private static <T> Arguments crafted(String name, TypeRef<T> type, T sample, Consumer<Output> body,
            String reason) throws IpcSerializationException {
        byte[] payload = Crafted.payload(SERIALIZER.codec(type), sample, output -> {
            body.accept(output);
            output.writeBytes(CONTENT_PRESENT);
        });
        return Arguments.of(name, type, payload, reason);
    }

    /** Kryo's header of an array or string that may be null: the length plus one. */
    private static Consumer<Output> lengthPlusOne() {
        return output -> output.writeVarInt(HUGE + 1, true);
    }

    /** The not-null marker of a reference position, then a count. */
    private static Consumer<Output> notNullThenCount() {
        return output -> {
            output.writeByte(Kryo.NOT_NULL);
            output.writeVarInt(HUGE, true);
        };
    }

    static Stream<Arguments> hostilePayloads() throws IpcSerializationException {
        String remain = "bytes remain";
        return Stream.of(
                crafted("byte[]", TypeRef.of(byte[].class), new byte[0], lengthPlusOne(), remain),
                crafted("int[]", TypeRef.of(int[].class), new int[0], lengthPlusOne(), remain),
                crafted("long[]", TypeRef.of(long[].class), new long[0], lengthPlusOne(), remain),
                crafted("double[]", TypeRef.of(double[].class), new double[0], lengthPlusOne(), remain),
                crafted("char[]", TypeRef.of(char[].class), new char[0], lengthPlusOne(), remain),
                crafted("boolean[]", TypeRef.of(boolean[].class), new boolean[0], lengthPlusOne(), remain),
                crafted("BigInteger", TypeRef.of(BigInteger.class), BigInteger.ONE, lengthPlusOne(), remain),
                crafted("UTF-8 string", TypeRef.of(String.class), "",
                        output -> output.writeVarIntFlag(true, HUGE + 1, true), remain),
                // Kryo subtracts one from the count it reads: the most negative count becomes the largest array
                crafted("UTF-8 string, count wrapping to 2^31 - 1", TypeRef.of(String.class), "",
                        output -> output.writeVarIntFlag(true, Integer.MIN_VALUE, true), remain),
                crafted("UTF-8 string, negative count", TypeRef.of(String.class), "",
                        output -> output.writeVarIntFlag(true, -5, true), remain),
                crafted("byte[] in a record", TypeRef.of(Blob.class), new Blob("", new byte[0]), output -> {
                    output.writeByte(Kryo.NOT_NULL);
                    output.writeString("n");
                    output.writeVarInt(HUGE + 1, true);
                }, remain),
                crafted("List", new TypeRef<List<Integer>>() {}, List.of(), notNullThenCount(), "elements of a "),
                crafted("Map", new TypeRef<Map<String, Integer>>() {}, Map.of(), notNullThenCount(), "entries of a "),
                crafted("array of records", TypeRef.of(Point[].class), new Point[0], notNullThenCount(),
                        "elements of a "),
                crafted("10,000 nested records", TypeRef.of(Node.class), new Node("", List.of()), output -> {
                    for (int i = 0; i < NESTING_BEYOND_LIMIT; i++) {
                        output.writeByte(Kryo.NOT_NULL); // the node
                        output.writeString(null); // its name
                        output.writeByte(Kryo.NOT_NULL); // its list of children
                        output.writeVarInt(1, true); // of one child
                    }
                }, "Max depth"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostilePayloads")
    void declaredSizeIsNeverAllocated(String name, TypeRef<?> type, byte[] payload, String reason) {
        allocationCounter(); // skips this test where the JVM cannot count allocated bytes
        MessageCodec<?> codec = SERIALIZER.codec(type);
        for (ByteBuffer data : List.of(ByteBuffer.wrap(payload), ByteBuffer.wrap(payload).asReadOnlyBuffer())) {
            String source = data.hasArray() ? "array" : "read-only buffer";
            Measured<IpcSerializationException> measured = afterWarmUp(() -> decodeFails(codec, data, name));
            IpcSerializationException e = measured.result();
            long allocated = measured.allocatedBytes();
            assertTrue(allocated < ALLOCATION_BUDGET, name + " (" + source + ") allocated " + allocated + " bytes");
            String message = e.getMessage();
            assertTrue(message.contains(reason), name + " fails for the intended reason (" + reason + "): " + message);
            assertTrue(message.contains("kryo") && message.contains(type.toString()),
                    "the message names the serializer and the type: " + message);
        }
    }

    private static IpcSerializationException decodeFails(MessageCodec<?> codec, ByteBuffer data, String name) {
        return assertThrows(IpcSerializationException.class,
                () -> codec.decode(data.duplicate(), FakeContexts.Decoding.empty()), name + " is rejected");
    }
}
