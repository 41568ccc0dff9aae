package ipc.serde.protobuf.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.MessageLite;
import ipc.api.TypeRef;
import ipc.serde.protobuf.ProtobufSerializer;
import ipc.serde.protobuf.fixtures.Blob;
import ipc.serde.protobuf.fixtures.Person;
import ipc.serde.testsupport.FakeContexts;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A message with large {@code bytes} or {@code string} values is encoded with those values handed over as they are
 * ({@link ipc.api.spi.EncodeContext#writeValueBytes}), a smaller one is copied whole (from the array the thread
 * keeps, reused from one message to the next), and the bytes that result, in order, are exactly protobuf's own
 * encoding.
 */
class ValueBytesOutputTest {

    private static final int LARGE = 300_000;

    static Stream<MessageLite> messages() {
        byte[] bytes = new byte[LARGE];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) (i * 7 + 3);
        }
        Person.Builder person = Person.newBuilder().setName("名前 ".repeat(LARGE / 3)).setAge(7);
        for (int i = 0; i < 5; i++) {
            person.addNicknames("n" + i + "x".repeat(5000 + i * 20_000));
        }
        return Stream.of(
                Blob.newBuilder().setName("small").setData(ByteString.copyFrom(new byte[] {1, 2, 3})).build(),
                Blob.newBuilder().setName("kept").setData(ByteString.copyFrom(bytes, 0, 60_000)).build(),
                Blob.newBuilder().setName("shorter, after a longer one").setData(ByteString.copyFrom(bytes, 9, 10_000))
                        .build(),
                Blob.newBuilder().setName("large").setData(ByteString.copyFrom(bytes)).build(),
                Blob.newBuilder().setName("x".repeat(70_000)).setData(ByteString.copyFrom(bytes, 1, 5000)).build(),
                person.build());
    }

    @ParameterizedTest(name = "{index}")
    @MethodSource("messages")
    @SuppressWarnings("unchecked") // The codec of the message's own class.
    void largeValuesAreHandedOverAndTheEncodingIsProtobufs(MessageLite message) throws Exception {
        FakeContexts.HandingOver context = new FakeContexts.HandingOver();
        ProtobufSerializer serializer = new ProtobufSerializer();
        TypeRef<MessageLite> type = (TypeRef<MessageLite>) TypeRef.of(message.getClass());
        serializer.codec(type).encode(message, context);
        assertArrayEquals(message.toByteArray(), context.joined(), "protobuf's own bytes, in order");
        if (message.getSerializedSize() > ValueBytesOutput.KEPT_MAX) {
            assertTrue(context.handedOver() > 0, "large values handed over, in " + context.runs().size() + " runs");
        } else {
            assertEquals(0, context.handedOver(), "a small message copied whole");
        }
    }
}
