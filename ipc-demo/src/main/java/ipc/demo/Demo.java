package ipc.demo;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcSharedMemory;
import ipc.demo.Messages.Assignment;
import ipc.demo.Messages.Hello;
import ipc.demo.Messages.Job;
import ipc.demo.Messages.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The parent process of the demo: starts a worker JVM, bootstraps it through an {@link IpcOneShotServer}, hands it
 * a typed job channel, a result channel and an image in shared memory, and prints what comes back.
 */
public final class Demo {

    private static final int WIDTH = 512;
    private static final int HEIGHT = 256;
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private Demo() {}

    /**
     * Runs the demo.
     *
     * @param args unused
     * @throws Exception on any failure; the exit status is then non-zero
     */
    public static void main(String[] args) throws Exception {
        System.out.printf("ipc-channel demo: transport %s, serializer %s, JDK %s%n",
                Ipc.transportName(), Ipc.defaultSerializer().name(), Runtime.version());
        long t0 = System.nanoTime();
        try (IpcOneShotServer<Hello> server = IpcOneShotServer.create(Hello.class)) {
            Process worker = WorkerLauncher.start(server.name());
            System.out.printf("started worker JVM pid %d; one-shot server %s%n", worker.pid(), server.name());
            try {
                run(server, worker, t0);
            } finally {
                if (worker.isAlive()) {
                    worker.destroyForcibly();
                }
            }
            System.out.printf("server name still on disk afterwards: %s%n", Files.exists(Path.of(server.name())));
        }
    }

    private static void run(IpcOneShotServer<Hello> server, Process worker, long t0) throws Exception {
        IpcOneShotServer.Accepted<Hello> accepted = server.tryAccept(PATIENCE)
                .orElseThrow(() -> new IllegalStateException("the worker did not connect within " + PATIENCE));
        Hello hello = accepted.message();
        System.out.printf("worker %d (JDK %s) connected after %.0f ms%n", hello.pid(), hello.jvm(), millis(t0));

        IpcChannel<Job> jobs = Ipc.channel(Job.class);
        IpcChannel<Result> results = Ipc.channel(Result.class);
        hello.inbox().send(new Assignment(jobs.receiver(), results.sender()));
        // The worker has its own handles now; ours would keep the channels open for nothing.
        jobs.receiver().close();
        results.sender().close();
        hello.inbox().close();
        accepted.receiver().close();

        byte[] card = Images.testCard(WIDTH, HEIGHT);
        System.out.printf("%nthe image, %d x %d, in shared memory:%n%s", WIDTH, HEIGHT,
                Images.ascii(card, WIDTH, HEIGHT, 64, 16));
        try (IpcSharedMemory image = IpcSharedMemory.fromBytes(card)) {
            int id = 0;
            for (String operation : List.of("invert", "edges")) {
                long start = System.nanoTime();
                jobs.sender().send(new Job(++id, operation, WIDTH, HEIGHT, image));
                Result result = results.receiver().tryRecv(PATIENCE)
                        .orElseThrow(() -> new IllegalStateException("no result within " + PATIENCE));
                try (IpcSharedMemory out = result.image()) {
                    System.out.printf("%n'%s' by the worker: %.2f ms round trip, %.2f ms computing, %d bytes back "
                            + "in shared memory:%n%s", operation, millis(start), result.computeNanos() / 1e6,
                            out.length(), Images.ascii(out.toByteArray(), WIDTH, HEIGHT, 64, 16));
                }
            }
        }
        jobs.sender().close(); // the worker's recv() now reports the disconnect, and it exits
        try {
            Optional<Result> extra = results.receiver().tryRecv(PATIENCE);
            throw new IllegalStateException("expected the worker to hang up, got " + extra);
        } catch (IpcDisconnectedException expected) {
            System.out.printf("%nthe worker hung up: %s%n", expected.getMessage());
        }
        boolean exited = worker.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        if (!exited || worker.exitValue() != 0) {
            throw new IllegalStateException("worker did not exit cleanly: " + (exited ? worker.exitValue() : "hung"));
        }
        results.receiver().close();
        System.out.printf("%nworker exited with status 0; total %.0f ms%n", millis(t0));
    }

    private static double millis(long since) {
        return (System.nanoTime() - since) / 1e6;
    }
}
