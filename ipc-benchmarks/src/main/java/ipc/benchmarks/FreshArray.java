package ipc.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * What a new {@code byte[]} of each one-way size costs this JVM alone, with no channel involved: the price every
 * receive that returns a new array pays on top of the transfer ({@code IpcBytesReceiver.recv()} and the typed
 * channels, whose {@code byte[]} values are new arrays). The array is returned, so JMH keeps it alive past the call
 * and the JIT cannot drop the allocation. Measured in the same run as the one-way rows, so that the report can set
 * them beside the floor plus this cost: the bandwidth share a receive returning a new array would reach on the
 * machine that ran it if nothing but the kernel's transfer and the allocation cost anything. No floor row (C has no
 * garbage-collected heap to allocate from).
 *
 * <h2>Thread safety</h2>
 * JMH state, one instance per benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class FreshArray {

    /** Array length in bytes: the one-way sizes. */
    @Param({"64", "4096", "65536", "1048576", "16777216"})
    public int size;

    /** Allocates one array (zeroed by the JVM, as every new array is). */
    @Benchmark
    public byte[] allocate() {
        return new byte[size];
    }
}
