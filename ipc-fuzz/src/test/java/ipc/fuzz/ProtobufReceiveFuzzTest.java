package ipc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ipc.api.IpcException;
import ipc.api.TypeRef;
import ipc.fuzz.messages.proto.FuzzOrder;
import ipc.serde.protobuf.ProtobufSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * protobuf's receive path: forged frames under the name {@code "protobuf"}, with real handles, decoded as
 * {@link FuzzOrder} by a typed receiver of a real Linux channel and by the codec directly ({@link SerializerTarget}).
 */
class ProtobufReceiveFuzzTest {

    private static SerializerTarget<FuzzOrder> target;

    @BeforeAll
    static void open() throws IpcException {
        target = new SerializerTarget<>(new ProtobufSerializer(), TypeRef.of(FuzzOrder.class),
                Targets::closeHandles, FuzzOrder.newBuilder().setId("warm-up").addTags("a").build());
    }

    @AfterAll
    static void close() {
        target.close();
    }

    @FuzzTest(maxDuration = Targets.MAX_DURATION)
    void receive(byte[] input) throws IpcException {
        target.fuzzOne(input);
    }
}
