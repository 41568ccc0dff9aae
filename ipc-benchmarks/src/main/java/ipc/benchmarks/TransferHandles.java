package ipc.benchmarks;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.TypeRef;
import java.util.ArrayList;
import java.util.List;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * A message carrying 8 senders, or 8 receivers, sent and received on one thread, and the 8 received handles closed
 * (Rust's {@code transfer_senders_08} and {@code transfer_receivers_08}); floor row {@code fds_8} (one datagram with
 * 8 descriptors, the 8 received closed). The sent handles stay open, as in the floor.
 *
 * <h2>Thread safety</h2>
 * JMH state, one instance per benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class TransferHandles {

    private static final int COUNT = 8;
    private static final TypeRef<List<IpcBytesSender>> SENDERS = new TypeRef<List<IpcBytesSender>>() {};
    private static final TypeRef<List<IpcBytesReceiver>> RECEIVERS = new TypeRef<List<IpcBytesReceiver>>() {};

    /** The serializer of the channel that carries the handles. */
    @Param("kryo")
    public String serializer;

    private final List<IpcBytesChannel> carried = new ArrayList<>();
    private List<IpcBytesSender> senders;
    private List<IpcBytesReceiver> receivers;
    private IpcChannel<List<IpcBytesSender>> senderChannel;
    private IpcChannel<List<IpcBytesReceiver>> receiverChannel;

    /** Opens the 8 channels whose ends travel, and the two carrier channels. */
    @Setup
    public void setUp() throws IpcException {
        for (int i = 0; i < COUNT; i++) {
            carried.add(Ipc.bytesChannel());
        }
        senders = carried.stream().map(IpcBytesChannel::sender).toList();
        receivers = carried.stream().map(IpcBytesChannel::receiver).toList();
        senderChannel = Ipc.channel(SENDERS, Ipc.serializer(serializer));
        receiverChannel = Ipc.channel(RECEIVERS, Ipc.serializer(serializer));
    }

    /** Closes every channel. */
    @TearDown
    public void tearDown() {
        for (IpcBytesChannel channel : carried) {
            channel.sender().close();
            channel.receiver().close();
        }
        carried.clear();
        senderChannel.sender().close();
        senderChannel.receiver().close();
        receiverChannel.sender().close();
        receiverChannel.receiver().close();
    }

    /** 8 senders in one message; the received ones closed. */
    @Benchmark
    public void transferSenders8(Blackhole blackhole) throws IpcException {
        senderChannel.sender().send(senders);
        for (IpcBytesSender received : senderChannel.receiver().recv()) {
            blackhole.consume(received);
            received.close();
        }
    }

    /** 8 receivers in one message; the received ones closed. */
    @Benchmark
    public void transferReceivers8(Blackhole blackhole) throws IpcException {
        receiverChannel.sender().send(receivers);
        for (IpcBytesReceiver received : receiverChannel.receiver().recv()) {
            blackhole.consume(received);
            received.close();
        }
    }
}
