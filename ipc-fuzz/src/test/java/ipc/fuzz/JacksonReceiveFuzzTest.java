package ipc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ipc.api.IpcException;
import ipc.api.TypeRef;
import ipc.fuzz.messages.Order;
import ipc.serde.jackson.JacksonSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Jackson's receive path: forged frames under the name {@code "jackson"}, with real handles, decoded as {@link Order}
 * by a typed receiver of a real Linux channel and by the codec directly ({@link SerializerTarget}).
 */
class JacksonReceiveFuzzTest {

    private static SerializerTarget<Order> target;

    @BeforeAll
    static void open() throws IpcException {
        target = new SerializerTarget<>(new JacksonSerializer(), TypeRef.of(Order.class), Order::closeHandles,
                Targets.SAMPLE_ORDER);
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
