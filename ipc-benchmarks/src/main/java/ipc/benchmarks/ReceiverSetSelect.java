package ipc.benchmarks;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcException;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;

/**
 * An {@link IpcReceiverSet} of 64 receivers, every one with a message waiting: one empty message sent on each, then
 * {@code select()} until all 64 are received (Rust's {@code bench_send_on_m_of_n} with m = n). Nanoseconds per
 * message. No floor row.
 *
 * <h2>Thread safety</h2>
 * JMH state, one instance per benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class ReceiverSetSelect {

    private static final int RECEIVERS = 64;
    private static final byte[] EMPTY = new byte[0];

    private final List<IpcBytesChannel> channels = new ArrayList<>();
    private IpcReceiverSet set;

    /** Opens the 64 channels and adds their receivers to a set. */
    @Setup
    public void setUp() throws IpcException {
        set = IpcReceiverSet.create();
        for (int i = 0; i < RECEIVERS; i++) {
            IpcBytesChannel channel = Ipc.bytesChannel();
            channels.add(channel);
            set.add(channel.receiver());
        }
    }

    /** Closes the set and every channel. */
    @TearDown
    public void tearDown() {
        set.close();
        for (IpcBytesChannel channel : channels) {
            channel.sender().close();
            channel.receiver().close();
        }
        channels.clear();
    }

    /** 64 messages sent, one per receiver, and selected. */
    @Benchmark
    @OperationsPerInvocation(RECEIVERS)
    public void select64(Blackhole blackhole) throws IpcException {
        for (IpcBytesChannel channel : channels) {
            channel.sender().send(EMPTY);
        }
        int received = 0;
        while (received < RECEIVERS) {
            for (IpcSelectionResult result : set.select()) {
                if (result instanceof IpcSelectionResult.MessageReceived message) {
                    blackhole.consume(message.id());
                    message.message().close();
                    received++;
                } else {
                    throw new IllegalStateException("unexpected " + result);
                }
            }
        }
    }
}
