package ipc.benchmarks;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcSharedMemory;
import java.nio.ByteBuffer;
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
 * A 64 MiB {@link IpcSharedMemory} created, sent, received and read in full (Rust's {@code ipc_shared_mem}): the
 * region's creation and mapping cost plus one pass over its pages. No floor row.
 *
 * <h2>Thread safety</h2>
 * JMH state, one instance per benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class SharedMemory {

    private static final int SIZE = 64 << 20;

    /** The serializer of the channel that carries the region. */
    @Param("kryo")
    public String serializer;

    private IpcChannel<IpcSharedMemory> pair;

    /** Opens the channel. */
    @Setup
    public void setUp() throws IpcException {
        pair = Ipc.channel(IpcSharedMemory.class, Ipc.serializer(serializer));
    }

    /** Closes the channel. */
    @TearDown
    public void tearDown() {
        pair.sender().close();
        pair.receiver().close();
    }

    /** Creates, sends, receives and reads a 64 MiB region; returns the sum of its longs. */
    @Benchmark
    public long sharedMemory64MiB() throws IpcException {
        long sum = 0;
        try (IpcSharedMemory created = IpcSharedMemory.fromByte((byte) 1, SIZE)) {
            pair.sender().send(created);
            try (IpcSharedMemory received = pair.receiver().recv()) {
                ByteBuffer buffer = received.asByteBuffer();
                for (int i = 0; i < SIZE; i += Long.BYTES) {
                    sum += buffer.getLong(i);
                }
            }
        }
        return sum;
    }
}
