package ipc.benchmarks;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An 8-byte message to an echo thread and its reply back, on bytes channels; floor row {@code roundtrip_threads}.
 *
 * <h2>Thread safety</h2>
 * JMH state, one instance per benchmark thread; the echo thread owns its ends.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RoundTripThreads {

    private final byte[] message = new byte[8];
    private IpcBytesChannel requests;
    private IpcBytesChannel replies;
    private Thread echo;

    /** Opens both channels and starts the echo thread. */
    @Setup
    public void setUp() throws IpcException {
        requests = Ipc.bytesChannel();
        replies = Ipc.bytesChannel();
        echo = new Thread(this::echo, "echo");
        echo.setDaemon(true);
        echo.start();
    }

    private void echo() {
        try {
            while (true) {
                replies.sender().send(requests.receiver().recv());
            }
        } catch (IpcDisconnectedException expected) {
            // the benchmark closed its request sender: done
        } catch (IpcException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Closes the request sender, which ends the echo thread, and then every end. */
    @TearDown
    public void tearDown() throws InterruptedException {
        requests.sender().close();
        echo.join(TimeUnit.SECONDS.toMillis(10));
        requests.receiver().close();
        replies.sender().close();
        replies.receiver().close();
        if (echo.isAlive()) {
            throw new IllegalStateException("the echo thread did not end");
        }
    }

    /** One request and its reply. */
    @Benchmark
    public byte[] roundTrip() throws IpcException {
        requests.sender().send(message);
        return replies.receiver().recv();
    }
}
