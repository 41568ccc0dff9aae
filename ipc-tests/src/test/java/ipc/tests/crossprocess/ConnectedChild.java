package ipc.tests.crossprocess;

import static ipc.tests.crossprocess.Children.accept;
import static ipc.tests.crossprocess.Children.assertExitsCleanly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.tests.children.ExhaustionChild;
import ipc.tests.children.ExhaustionChild.Parcel;
import ipc.tests.children.ExhaustionChild.Report;
import ipc.tests.children.Wire;
import ipc.tests.support.ChildJvm;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@link ExhaustionChild}, connected: its reports read one by one (each wait bounded), parcels sent to it.
 * Closing it closes the parent's handles and kills the child if it still runs.
 */
final class ConnectedChild implements AutoCloseable {

    static final Duration NEXT = Duration.ofSeconds(60);

    private final IpcOneShotServer<Report> server;
    final ChildJvm child;
    private final IpcReceiver<Report> reports;
    private final IpcSender<Parcel> inbox;
    private final List<Report> seen = new ArrayList<>();
    private final List<AutoCloseable> closeables = new ArrayList<>();

    private ConnectedChild(IpcOneShotServer<Report> server, ChildJvm child, IpcOneShotServer.Accepted<Report> hello) {
        this.server = server;
        this.child = child;
        this.reports = hello.receiver();
        this.inbox = hello.message().inbox();
        seen.add(hello.message());
    }

    /**
     * Starts the child with {@code builder} and accepts its {@code hello}.
     *
     * @param builder how to start {@link ExhaustionChild}
     * @param scenario its scenario
     * @return the peer
     */
    static ConnectedChild start(ChildJvm.Builder builder, String scenario) throws Exception {
        IpcOneShotServer<Report> server = IpcOneShotServer.create(Report.class);
        ChildJvm child = null;
        try {
            child = builder.start(scenario, server.name());
            ConnectedChild peer = new ConnectedChild(server, child, accept(server, child));
            assertEquals("hello", peer.hello().event(), "the child's first report");
            return peer;
        } catch (Throwable e) {
            if (child != null) {
                child.close();
            }
            server.close();
            throw e;
        }
    }

    Report hello() {
        return seen.get(0);
    }

    Report next() throws Exception {
        Optional<Report> report;
        try {
            report = reports.tryRecv(NEXT);
        } catch (IpcDisconnectedException e) {
            throw new AssertionError("the child is gone after " + seen + "; its output:\n" + child.output(), e);
        }
        Report next = report.orElseThrow(() -> new AssertionError("no report within " + NEXT + " after " + seen
                + "; child output:\n" + child.output()));
        seen.add(next);
        return next;
    }

    /** The next report, which must be {@code event} with a detail matching {@code detailPattern} whole. */
    Matcher expect(String event, String detailPattern) throws Exception {
        Report report = next();
        Matcher matcher = Pattern.compile(detailPattern, Pattern.DOTALL).matcher(report.detail());
        if (!report.event().equals(event) || !matcher.matches()) {
            fail("expected " + event + " matching " + detailPattern + ", got " + report + "; reports so far "
                    + seen + "; child output:\n" + child.output());
        }
        return matcher;
    }

    void expectDone() throws Exception {
        expect("done", "");
        assertExitsCleanly(child);
    }

    /**
     * Sends a parcel with {@code senders} senders of fresh channels, optionally shared memory and bulk bytes.
     *
     * @return the receivers of its senders, which only the child holds now
     */
    List<IpcReceiver<String>> send(int sequence, int senders, boolean memory, byte[] bulk) throws Exception {
        List<IpcReceiver<String>> receivers = new ArrayList<>();
        List<IpcSender<String>> sent = new ArrayList<>();
        for (int i = 0; i < senders; i++) {
            IpcChannel<String> channel = Ipc.channel(String.class);
            closeables.add(channel.receiver());
            receivers.add(channel.receiver());
            sent.add(channel.sender());
        }
        IpcSharedMemory region = memory ? IpcSharedMemory.fromBytes(Wire.pattern(ExhaustionChild.MEMORY_BYTES))
                : null;
        try {
            inbox.send(new Parcel(sequence, sent, region, bulk));
        } finally {
            for (IpcSender<String> sender : sent) {
                sender.close(); // sending does not close: the child holds the only senders now
            }
            if (region != null) {
                region.close();
            }
        }
        return receivers;
    }

    /** Asserts that the child sent {@code "s<sequence>-<index>"} through each sender of parcel {@code sequence}. */
    void assertSendersWorked(List<IpcReceiver<String>> receivers, int sequence) throws Exception {
        for (int i = 0; i < receivers.size(); i++) {
            int index = i;
            assertEquals("s" + sequence + "-" + i, receivers.get(i).tryRecv(NEXT).orElseThrow(() ->
                    new AssertionError("nothing through sender " + index + " of parcel " + sequence + "; child "
                            + "output:\n" + child.output())), "the child used the sender it received");
        }
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable closeable : closeables) {
            closeable.close();
        }
        inbox.close();
        reports.close();
        child.close();
        server.close();
    }
}
