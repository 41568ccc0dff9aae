package ipc.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import ipc.api.IpcException;
import ipc.api.TypeRef;
import ipc.fuzz.messages.Order;
import ipc.serde.kryo.KryoSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Kryo's receive path: forged frames under the name {@code "kryo"}, with real handles, decoded as {@link Order}
 * by a typed receiver of a real Linux channel and by the codec directly ({@link SerializerTarget}).
 */
class KryoReceiveFuzzTest {

    private static SerializerTarget<Order> target;

    @BeforeAll
    static void open() throws IpcException {
        target = new SerializerTarget<>(new KryoSerializer(), TypeRef.of(Order.class), Order::closeHandles,
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
