package ipc.benchmarks;

import ipc.api.Ipc;
import ipc.api.IpcException;
import ipc.api.IpcOneShotServer;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * An 8-byte message to an echo child JVM ({@link EchoChild}) and its reply back, on bytes channels that the child
 * handed over through an {@link IpcOneShotServer}; floor row {@code roundtrip_processes}.
 *
 * <h2>Thread safety</h2>
 * JMH state, one instance per benchmark thread.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
public class RoundTripProcesses {

    /** The serializer of the one-shot server's message, which carries the two handles. */
    static final String SERIALIZER = "jackson";

    private final byte[] message = new byte[8];
    private Process child;
    private IpcOneShotServer.Accepted<Messages.EchoEnds> accepted;
    private Messages.EchoEnds ends;

    /** Starts the echo child and takes its ends. */
    @Setup
    public void setUp() throws IOException {
        try (IpcOneShotServer<Messages.EchoEnds> server =
                IpcOneShotServer.create(Messages.EchoEnds.class, Ipc.serializer(SERIALIZER))) {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            for (String flag : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
                if (flag.startsWith("--enable-native-access") || flag.startsWith("--sun-misc-unsafe-memory-access")) {
                    command.add(flag);
                }
            }
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), EchoChild.class.getName(),
                    server.name()));
            child = new ProcessBuilder(command)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectOutput(ProcessBuilder.Redirect.INHERIT)
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            accepted = server.tryAccept(Duration.ofSeconds(60))
                    .orElseThrow(() -> new IpcException("the echo child did not connect within 60 s"));
        } catch (IOException | RuntimeException e) {
            if (child != null) {
                child.destroyForcibly();
            }
            throw e;
        }
        ends = accepted.message();
    }

    /** Closes the request sender, which ends the child, and then every end. */
    @TearDown
    public void tearDown() throws InterruptedException {
        ends.requests().close();
        boolean ended = child.waitFor(10, TimeUnit.SECONDS);
        if (!ended) {
            child.destroyForcibly();
            child.waitFor(10, TimeUnit.SECONDS);
        }
        ends.replies().close();
        accepted.receiver().close();
        if (!ended || child.exitValue() != 0) {
            throw new IllegalStateException("the echo child did not end cleanly");
        }
    }

    /** One request and its reply. */
    @Benchmark
    public byte[] roundTrip() throws IpcException {
        ends.requests().send(message);
        return ends.replies().recv();
    }
}
