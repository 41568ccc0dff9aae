package ipc.soak;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.OpaqueIpcMessage;
import ipc.soak.Switchboard.Acks;
import ipc.soak.Switchboard.DataLane;
import ipc.soak.Switchboard.Event;
import ipc.soak.Switchboard.Reply;
import ipc.soak.Switchboard.Reports;
import ipc.soak.Wire.Ack;
import ipc.soak.Wire.Data;
import ipc.soak.Wire.Hello;
import ipc.soak.Wire.Report;
import ipc.soak.Wire.Setup;
import ipc.soak.WorkerSlot.State;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The soak test's single coordinating process. One thread runs one loop: it starts K worker JVMs (each bootstrapped
 * through an {@link IpcOneShotServer}), sends data on every worker's lanes within the window, receives everything
 * through one {@link ipc.api.IpcReceiverSet}, kills a random worker with SIGKILL at random moments and starts its next
 * incarnation, and samples its own resources. The set duration starts once every worker has connected (start-up is
 * bounded too). After it, the coordinator closes the lanes, waits (bounded) for every worker to acknowledge, say
 * goodbye and exit, and checks what is left behind.
 *
 * <p>Every wait is bounded: receiving polls with a timeout, accepting uses {@code tryAccept} with a timeout, a worker
 * gets a bounded time to connect, to die after SIGKILL and to finish. A bug therefore ends the run with a violation,
 * never a hang.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe; {@link #run} uses one instance from one thread.
 */
public final class Coordinator {

    private static final Duration ACCEPT_SLICE = Duration.ofMillis(1);
    private static final Duration POLL = Duration.ofMillis(10);
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(60);
    private static final Duration EXIT_PATIENCE = Duration.ofSeconds(10);
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(60);
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(5);
    private static final int LOG_TAIL = 1500;

    private final SoakOptions options;
    private final SplittableRandom random;
    private final Stats stats = new Stats();
    private final List<String> violations = new ArrayList<>();
    private final ResourceSampler sampler = new ResourceSampler();
    private final List<Process> processes = new ArrayList<>();
    private final List<Path> serverDirectories = new ArrayList<>();
    private final List<Link> killedLinks = new ArrayList<>();
    private final Path logs;
    private final WorkerSlot[] slots;
    private Switchboard board;
    private boolean running;
    private boolean killing;
    private long connects;
    private long connectNanos;
    private long slowestConnectNanos;
    private int kills;
    private int killsBeforeConnect;
    private int incarnations;
    private int finishedCleanly;
    private long startNanos;
    private long lostInFlight;

    private Coordinator(SoakOptions options) throws IOException {
        this.options = options;
        this.random = new SplittableRandom(options.seed());
        this.logs = Files.createTempDirectory("ipc-soak-logs-");
        this.slots = new WorkerSlot[options.workers()];
        for (int w = 0; w < slots.length; w++) {
            slots[w] = new WorkerSlot(w, new Traffic(options.seed() * 31 + w), logs.resolve("worker-" + w + ".log"));
        }
    }

    /**
     * Runs a soak test.
     *
     * @param options its settings
     * @return what happened, and every violation found
     * @throws Exception if the run cannot go on (an I/O failure of the coordinator itself)
     */
    public static SoakReport run(SoakOptions options) throws Exception {
        return new Coordinator(options).run();
    }

    private SoakReport run() throws Exception {
        long launched = System.nanoTime();
        startNanos = launched;
        long runNanos;
        try (Switchboard switchboard = new Switchboard()) {
            board = switchboard;
            running = true;
            for (WorkerSlot slot : slots) {
                start(slot);
            }
            // The run's clock starts once every worker has connected (bounded: a worker gets CONNECT_PATIENCE).
            while (Stream.of(slots).anyMatch(s -> s.state == State.STARTING)
                    && System.nanoTime() - launched < CONNECT_PATIENCE.toNanos()) {
                step();
            }
            startNanos = System.nanoTime();
            long end = startNanos + options.duration().toNanos();
            long nextSample = startNanos + options.sampleEvery().toNanos();
            long nextKill = startNanos + killInterval();
            while (System.nanoTime() < end) {
                if (System.nanoTime() >= nextKill) {
                    killing = true;
                    nextKill = System.nanoTime() + killInterval();
                }
                step();
                if (System.nanoTime() >= nextSample) {
                    sampler.sample(System.nanoTime() - startNanos, channelFds());
                    nextSample += options.sampleEvery().toNanos();
                }
            }
            runNanos = System.nanoTime() - startNanos;
            sampler.sample(runNanos, channelFds());
            running = false;
            shutdown();
            drain();
        } finally {
            stopEveryWorker();
        }
        checkLeftovers();
        SoakReport report = new SoakReport(options, runNanos, System.nanoTime() - launched, stats, kills,
                killsBeforeConnect, incarnations, finishedCleanly, lostInFlight(),
                connects == 0 ? 0 : connectNanos / connects, slowestConnectNanos,
                sampler.compare(runNanos), sampler.rawFds(), sampler.size(), List.copyOf(violations), logs);
        if (report.passed()) {
            deleteLogs();
        }
        return report;
    }

    private long killInterval() {
        long mean = options.killEvery().toNanos();
        return mean / 4 + (long) (random.nextDouble() * mean * 3 / 2);
    }

    /** One turn of the loop: tend every slot, then receive for at most {@link #POLL}. */
    private void step() throws Exception {
        for (WorkerSlot slot : slots) {
            if (slot.state == State.STARTING) {
                pollStarting(slot);
            } else if (slot.state == State.RUNNING) {
                if (!slot.process.isAlive()) {
                    died(slot);
                } else if (running) {
                    sendSome(slot);
                }
            } else if (slot.state == State.FINISHING) {
                pollFinishing(slot);
            }
        }
        if (killing) {
            // Right after sending, so that messages are in flight in both directions.
            killing = false;
            kill(victim());
        }
        for (Event event : board.poll(POLL)) {
            if (!event.closed()) {
                // A worker's hang-ups are noticed through its process; closed receivers simply left the set.
                handle(event);
            }
        }
    }

    private void start(WorkerSlot slot) throws IOException {
        slot.incarnation++;
        incarnations++;
        slot.server = IpcOneShotServer.create(Hello.class);
        serverDirectories.add(Path.of(slot.server.name()).getParent());
        long seed = options.seed() ^ ((long) slot.worker << 40) ^ ((long) slot.incarnation << 8) ^ 0x5EEDL;
        slot.process = WorkerLauncher.start(slot.server.name(), slot.worker, slot.incarnation, seed, slot.log);
        processes.add(slot.process);
        slot.state = State.STARTING;
        slot.startedNanos = System.nanoTime();
        slot.link = null;
        slot.goodbye = null;
    }

    private void pollStarting(WorkerSlot slot) throws Exception {
        Optional<IpcOneShotServer.Accepted<Hello>> accepted;
        try {
            accepted = slot.server.tryAccept(ACCEPT_SLICE);
        } catch (IpcException e) {
            violation(slot + ": accepting its connection failed: " + e.getMessage() + logTail(slot));
            restart(slot);
            return;
        }
        if (accepted.isPresent()) {
            connect(slot, accepted.get());
        } else if (!slot.process.isAlive()) {
            violation(slot + " exited with status " + slot.process.exitValue() + " before connecting" + logTail(slot));
            restart(slot);
        } else if (System.nanoTime() - slot.startedNanos > CONNECT_PATIENCE.toNanos()) {
            violation(slot + " did not connect within " + CONNECT_PATIENCE + logTail(slot));
            restart(slot);
        }
    }

    /** Creates the channels of a new incarnation, keeps the coordinator's ends and hands the worker its own. */
    private void connect(WorkerSlot slot, IpcOneShotServer.Accepted<Hello> accepted) throws IpcException {
        Hello hello = accepted.message();
        long took = System.nanoTime() - slot.startedNanos;
        connects++;
        connectNanos += took;
        slowestConnectNanos = Math.max(slowestConnectNanos, took);
        accepted.receiver().close();
        slot.server.close();
        if (hello.worker() != slot.worker || hello.incarnation() != slot.incarnation
                || hello.pid() != slot.process.pid()) {
            violation(slot + ": connected as " + hello);
        }
        List<IpcSender<Data>> down = new ArrayList<>();
        List<IpcReceiver<Data>> downForWorker = new ArrayList<>();
        List<IpcSender<Data>> upForWorker = new ArrayList<>();
        List<IpcReceiver<Data>> up = new ArrayList<>();
        for (int lane = 0; lane < options.lanes(); lane++) {
            IpcChannel<Data> toWorker = Ipc.channel(Data.class);
            down.add(toWorker.sender());
            downForWorker.add(toWorker.receiver());
            IpcChannel<Data> fromWorker = Ipc.channel(Data.class);
            upForWorker.add(fromWorker.sender());
            up.add(fromWorker.receiver());
        }
        IpcChannel<Ack> downAcks = Ipc.channel(Ack.class);
        IpcChannel<Ack> upAcks = Ipc.channel(Ack.class);
        IpcChannel<Report> reports = Ipc.channel(Report.class);
        Link link = new Link(slot.worker, slot.incarnation, down, options.lanes(), upAcks.sender(), board,
                slot.traffic, this::violation, stats);
        for (int lane = 0; lane < up.size(); lane++) {
            board.add(up.get(lane), new DataLane(link, lane));
        }
        board.add(downAcks.receiver(), new Acks(link));
        board.add(reports.receiver(), new Reports(link));
        slot.link = link;
        slot.state = State.RUNNING;
        if (!running) {
            // Connected after the run: it gets its channels, sends a little and finishes like the others.
            link.closeLanes();
            slot.state = State.FINISHING;
        }
        try (IpcSender<Setup> setup = hello.setup()) {
            setup.send(new Setup(downForWorker, downAcks.sender(), upForWorker, upAcks.receiver(), reports.sender()));
        } finally {
            // The worker holds its own ends now.
            downForWorker.forEach(Link::closeQuietly);
            upForWorker.forEach(Link::closeQuietly);
            downAcks.sender().close();
            upAcks.receiver().close();
            reports.sender().close();
        }
    }

    private void sendSome(WorkerSlot slot) throws IpcException {
        try {
            slot.link.sendSome();
        } catch (IpcDisconnectedException e) {
            if (!exitsSoon(slot.process)) {
                violation(slot + ": a lane disconnected while the worker runs: " + e.getMessage());
            }
            // otherwise the worker died: died() reports it on the next turn
        }
    }

    private void handle(Event event) throws IpcException {
        Link link = Switchboard.linkOf(event.route());
        try (OpaqueIpcMessage message = event.message()) {
            if (event.route() instanceof DataLane lane) {
                Data data = message.to(Data.class);
                try {
                    link.onData(lane.lane(), data);
                } catch (IpcDisconnectedException e) {
                    WorkerSlot slot = slots[link.worker];
                    if (slot.link == link && !exitsSoon(slot.process)) {
                        violation(link + ": acknowledging failed while the worker runs: " + e.getMessage());
                    }
                }
            } else if (event.route() instanceof Acks) {
                link.onAck(message.to(Ack.class), null);
            } else if (event.route() instanceof Reply reply) {
                link.onAck(message.to(Ack.class), reply);
            } else {
                Report report = message.to(Report.class);
                if (report.violation() != null) {
                    violation(link + " reports: " + report.violation());
                } else {
                    goodbye(link, report.sentPerLane());
                }
            }
        } catch (ipc.api.IpcSerializationException e) {
            violation(link + ": undecodable message on " + event.route() + ": " + e.getMessage());
        }
    }

    /** Whether a worker whose channel just broke exits within {@link #EXIT_PATIENCE} (it then died, or is dying). */
    private static boolean exitsSoon(Process process) throws IpcException {
        try {
            return process.waitFor(EXIT_PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IpcException("interrupted while waiting for a worker to exit", e);
        }
    }

    private void goodbye(Link link, List<Long> sentPerLane) {
        WorkerSlot slot = slots[link.worker];
        if (slot.link != link || slot.state != State.FINISHING) {
            violation(link + " said goodbye while " + (slot.link == link ? slot.state : "replaced"));
            return;
        }
        slot.goodbye = sentPerLane;
    }

    /** After the run: once a worker has exited and all it sent was received, judges its clean finish. */
    private void pollFinishing(WorkerSlot slot) {
        if (slot.process.isAlive() || board.openFor(slot.link) > 0) {
            return;
        }
        int status = slot.process.exitValue();
        if (status != 0) {
            violation(slot + " exited with status " + status + " at the end" + logTail(slot));
        }
        if (slot.goodbye == null) {
            violation(slot + " exited without its goodbye" + logTail(slot));
        } else if (!slot.goodbye.equals(slot.link.receivedPerLane())) {
            violation(slot + " sent " + slot.goodbye + " messages per lane, the coordinator received "
                    + slot.link.receivedPerLane());
        }
        if (!slot.link.allAcknowledged()) {
            violation(slot + ": " + slot.link.unacknowledged() + " messages never acknowledged by a worker that "
                    + "finished cleanly");
        }
        if (status == 0 && slot.goodbye != null) {
            finishedCleanly++;
        }
        slot.link.peerGone();
        slot.state = State.DONE;
    }

    /** Mostly a connected worker (four times in five, when there is one), else any. */
    private WorkerSlot victim() {
        List<WorkerSlot> connected = Stream.of(slots).filter(s -> s.state == State.RUNNING).toList();
        if (!connected.isEmpty() && random.nextInt(5) != 0) {
            return connected.get(random.nextInt(connected.size()));
        }
        return slots[random.nextInt(slots.length)];
    }

    /** Kills a worker with SIGKILL at whatever it was doing, and starts its next incarnation. */
    private void kill(WorkerSlot slot) throws Exception {
        lostInFlight(); // drops the links of earlier kills that are settled
        kills++;
        if (slot.state == State.STARTING) {
            killsBeforeConnect++;
        }
        restart(slot);
    }

    private void died(WorkerSlot slot) throws Exception {
        violation(slot + " died with status " + slot.process.exitValue() + logTail(slot));
        restart(slot);
    }

    private void restart(WorkerSlot slot) throws Exception {
        stop(slot);
        if (running) {
            start(slot);
        }
    }

    /** Kills the slot's worker if it runs and waits (bounded) until it is gone. */
    private void stop(WorkerSlot slot) throws InterruptedException {
        slot.process.destroyForcibly();
        if (!slot.process.waitFor(EXIT_PATIENCE.toSeconds(), TimeUnit.SECONDS)) {
            violation(slot + " still runs " + EXIT_PATIENCE + " after SIGKILL");
        }
        slot.server.close();
        if (slot.link != null && slot.state != State.DONE) {
            slot.link.peerGone();
            killedLinks.add(slot.link);
        }
        slot.state = State.DONE;
    }

    /**
     * Closes every running worker's lanes and waits, bounded, for each to finish; a worker still starting connects
     * first (bounded too), so that every slot ends with a clean finish.
     */
    private void shutdown() throws Exception {
        for (WorkerSlot slot : slots) {
            if (slot.state == State.RUNNING) {
                slot.link.closeLanes();
                slot.state = State.FINISHING;
            }
        }
        long deadline = System.nanoTime() + SHUTDOWN_LIMIT.toNanos();
        while (Stream.of(slots).anyMatch(s -> s.state == State.STARTING || s.state == State.FINISHING)) {
            if (System.nanoTime() > deadline) {
                for (WorkerSlot slot : slots) {
                    if (slot.state == State.STARTING) {
                        violation(slot + " did not connect within " + SHUTDOWN_LIMIT + " of the end of the run");
                        stop(slot);
                    } else if (slot.state == State.FINISHING) {
                        violation(slot + " did not finish within " + SHUTDOWN_LIMIT + " (goodbye "
                                + (slot.goodbye != null) + ", " + slot.link.unacknowledged() + " unacknowledged, "
                                + board.openFor(slot.link) + " receivers open)" + logTail(slot));
                        stop(slot);
                    }
                }
                break;
            }
            step();
        }
    }

    /** Receives what killed workers sent before they died, bounded. */
    private void drain() throws Exception {
        long deadline = System.nanoTime() + DRAIN_LIMIT.toNanos();
        while (board.size() > 0 && System.nanoTime() < deadline) {
            step();
        }
    }

    private void stopEveryWorker() throws InterruptedException {
        for (WorkerSlot slot : slots) {
            if (slot.process != null && slot.process.isAlive()) {
                stop(slot);
            }
            if (slot.server != null) {
                slot.server.close();
            }
        }
    }

    private void checkLeftovers() {
        for (Process process : processes) {
            if (process.isAlive()) {
                violation("worker JVM pid " + process.pid() + " left running");
                process.destroyForcibly();
            }
        }
        List<ProcessHandle> descendants = ProcessHandle.current().descendants().filter(ProcessHandle::isAlive)
                .toList();
        if (!descendants.isEmpty()) {
            violation("processes left behind: " + descendants);
        }
        for (Path directory : serverDirectories) {
            if (Files.exists(directory)) {
                violation("one-shot server directory left behind: " + directory);
            }
        }
    }

    /**
     * The descriptors the coordinator's live channel ends hold right now: every receiver in the set, the senders of
     * connected workers, and the listening socket of each one-shot server still waiting.
     */
    private long channelFds() {
        long n = board.size();
        for (WorkerSlot slot : slots) {
            if (slot.state == State.STARTING) {
                n++;
            } else if (slot.link != null) {
                n += slot.link.openSenders();
            }
        }
        return n;
    }

    /**
     * Messages to killed workers never acknowledged. A killed link's count is final once every receiver of it has
     * left the set (no acknowledgement can come any more); such links are counted and dropped as the run goes.
     */
    private long lostInFlight() {
        killedLinks.removeIf(link -> {
            if (board.openFor(link) > 0) {
                return false;
            }
            lostInFlight += link.unacknowledged();
            return true;
        });
        return lostInFlight + killedLinks.stream().mapToLong(Link::unacknowledged).sum();
    }

    private void violation(String what) {
        violations.add(String.format("%.1fs: %s", (System.nanoTime() - startNanos) / 1e9, what));
    }

    private static String logTail(WorkerSlot slot) {
        try {
            String log = Files.exists(slot.log) ? Files.readString(slot.log) : "";
            return log.isEmpty() ? "" : "; its log ends with:\n" + log.substring(Math.max(0, log.length() - LOG_TAIL));
        } catch (IOException e) {
            return "; its log is unreadable: " + e;
        }
    }

    private void deleteLogs() throws IOException {
        try (Stream<Path> files = Files.walk(logs)) {
            for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
