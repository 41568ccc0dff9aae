package ipc.benchmarks;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.spi.IpcSerializer;
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
 * Channel creation and a message sent and received on one thread (Rust's {@code create_channel} and
 * {@code transfer_empty}); floor rows {@code create} and {@code same_thread}.
 *
 * <h2>Thread safety</h2>
 * JMH state, one instance per benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class Channels {

    private static final byte[] EMPTY = new byte[0];

    /** The serializer of the typed channel that {@link #create} makes. */
    @Param("kryo")
    public String serializer;

    private IpcSerializer codec;
    private IpcBytesChannel bytes;

    /** Resolves the serializer and opens the channel of {@link #transferEmpty}. */
    @Setup
    public void setUp() throws IpcException {
        codec = Ipc.serializer(serializer);
        bytes = Ipc.bytesChannel();
    }

    /** Closes the channel. */
    @TearDown
    public void tearDown() {
        bytes.sender().close();
        bytes.receiver().close();
    }

    /** {@code Ipc.channel(Long.class, serializer)} and the close of both ends. */
    @Benchmark
    public IpcChannel<Long> create() throws IpcException {
        IpcChannel<Long> channel = Ipc.channel(Long.class, codec);
        channel.sender().close();
        channel.receiver().close();
        return channel;
    }

    /** An empty message on a bytes channel, sent and received by the benchmark thread. */
    @Benchmark
    public void transferEmpty(Blackhole blackhole) throws IpcException {
        bytes.sender().send(EMPTY);
        blackhole.consume(bytes.receiver().recv());
    }
}
