package ipc.soak;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcSender;
import ipc.soak.Switchboard.Acks;
import ipc.soak.Switchboard.DataLane;
import ipc.soak.Switchboard.Event;
import ipc.soak.Switchboard.Reply;
import ipc.soak.Wire.Ack;
import ipc.soak.Wire.Data;
import ipc.soak.Wire.Hello;
import ipc.soak.Wire.Report;
import ipc.soak.Wire.Setup;
import java.time.Duration;
import java.util.List;

/**
 * A worker JVM: connects to the coordinator's one-shot server, receives its channels, then exchanges data with
 * the coordinator until the coordinator closes the lanes it sends on. It then waits for its own data to be
 * acknowledged, says goodbye with how many messages it sent, and exits 0. It exits non-zero if the coordinator
 * goes away or stays silent, so that no worker outlives a coordinator that died.
 */
public final class WorkerMain {

    /** Exit status when the coordinator hung up or stayed silent: the worker is not needed any more. */
    static final int ORPHANED = 4;
    private static final Duration SETUP_PATIENCE = Duration.ofSeconds(60);
    private static final Duration SILENCE_LIMIT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(20);

    private WorkerMain() {}

    /**
     * Runs one worker.
     *
     * @param args the one-shot server's name, the worker slot, the incarnation and the random seed
     * @throws Exception on a failure; the exit status is then non-zero
     */
    public static void main(String[] args) throws Exception {
        if (args.length != 4) {
            System.err.println("usage: WorkerMain <one-shot server name> <worker> <incarnation> <seed>");
            System.exit(2);
        }
        int worker = Integer.parseInt(args[1]);
        int incarnation = Integer.parseInt(args[2]);
        Setup setup;
        try (IpcChannel<Setup> inbox = Ipc.channel(Setup.class);
                IpcSender<Hello> hello = IpcSender.connect(args[0], Hello.class)) {
            hello.send(new Hello(worker, incarnation, ProcessHandle.current().pid(), inbox.sender()));
            inbox.sender().close();
            setup = inbox.receiver().tryRecv(SETUP_PATIENCE).orElse(null);
        }
        if (setup == null) {
            System.err.printf("worker %d/%d: no setup within %s%n", worker, incarnation, SETUP_PATIENCE);
            System.exit(ORPHANED);
        }
        int status;
        try {
            status = run(worker, incarnation, Long.parseLong(args[3]), setup);
        } catch (IpcDisconnectedException e) {
            System.err.printf("worker %d/%d: the coordinator hung up: %s%n", worker, incarnation, e.getMessage());
            status = ORPHANED;
        }
        System.exit(status);
    }

    private static int run(int worker, int incarnation, long seed, Setup setup) throws Exception {
        IpcSender<Report> reports = setup.reports();
        Stats stats = new Stats();
        try (Switchboard board = new Switchboard()) {
            Link link = new Link(worker, incarnation, setup.up(), setup.down().size(), setup.downAcks(), board,
                    new Traffic(seed), violation -> report(reports, violation), stats);
            for (int lane = 0; lane < setup.down().size(); lane++) {
                board.add(setup.down().get(lane), new DataLane(link, lane));
            }
            board.add(setup.upAcks(), new Acks(link));
            int openLanes = setup.down().size();
            long heard = System.nanoTime();
            while (true) {
                if (openLanes == setup.down().size()) {
                    link.sendSome();
                }
                List<Event> events = board.poll(POLL);
                for (Event event : events) {
                    if (event.route() instanceof DataLane lane) {
                        if (event.closed()) {
                            openLanes--;
                        } else {
                            link.onData(lane.lane(), event.message().to(Data.class));
                        }
                    } else if (event.route() instanceof Acks) {
                        if (event.closed()) {
                            System.err.printf("worker %d/%d: the coordinator closed its acknowledgements%n", worker,
                                    incarnation);
                            return ORPHANED;
                        }
                        link.onAck(event.message().to(Ack.class), null);
                    } else if (event.route() instanceof Reply reply && !event.closed()) {
                        link.onAck(event.message().to(Ack.class), reply);
                    }
                }
                if (!events.isEmpty()) {
                    heard = System.nanoTime();
                } else if (System.nanoTime() - heard > SILENCE_LIMIT.toNanos()) {
                    System.err.printf("worker %d/%d: nothing from the coordinator for %s%n", worker, incarnation,
                            SILENCE_LIMIT);
                    return ORPHANED;
                }
                if (openLanes == 0 && link.allAcknowledged()) {
                    reports.send(new Report(null, link.sentPerLane()));
                    link.peerGone();
                    reports.close();
                    return 0;
                }
            }
        }
    }

    private static void report(IpcSender<Report> reports, String violation) {
        System.err.println("violation: " + violation);
        try {
            reports.send(new Report(violation, null));
        } catch (Exception e) {
            System.err.println("could not report it: " + e);
        }
    }
}
