package ipc.benchmarks;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A message of realistic shape ({@link Messages.Order}: strings, numbers and 100 line items) sent and received on
 * one thread with each serializer (Rust's {@code struct_ipc}): the cost of encoding and decoding on top of
 * {@code transfer_empty}. No floor row.
 *
 * <h2>Thread safety</h2>
 * JMH state, one instance per benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TypedMessage {

    /** The serializer. */
    @Param({"jackson", "kryo", "protobuf"})
    public String serializer;

    private IpcChannel<?> pair;
    private Round round;

    @FunctionalInterface
    private interface Round {
        Object run() throws IpcException;
    }

    /** Opens the channel of the serializer's form of the order. */
    @Setup
    public void setUp() throws IpcException {
        if (serializer.equals("protobuf")) {
            IpcChannel<ipc.benchmarks.proto.Order> proto =
                    Ipc.channel(ipc.benchmarks.proto.Order.class, Ipc.serializer(serializer));
            ipc.benchmarks.proto.Order order = Messages.protoOrder();
            round = () -> {
                proto.sender().send(order);
                return proto.receiver().recv();
            };
            pair = proto;
        } else {
            IpcChannel<Messages.Order> records = Ipc.channel(Messages.Order.class, Ipc.serializer(serializer));
            Messages.Order order = Messages.order();
            round = () -> {
                records.sender().send(order);
                return records.receiver().recv();
            };
            pair = records;
        }
    }

    /** Closes the channel. */
    @TearDown
    public void tearDown() {
        pair.sender().close();
        pair.receiver().close();
    }

    /** One order sent and received. */
    @Benchmark
    public Object sendReceive() throws IpcException {
        return round.run();
    }
}
