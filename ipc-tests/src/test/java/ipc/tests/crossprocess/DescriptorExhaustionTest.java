package ipc.tests.crossprocess;

import static ipc.tests.crossprocess.Children.accept;
import static ipc.tests.crossprocess.Children.assertExitsCleanly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Running out of descriptors, in a child JVM started with a low {@code RLIMIT_NOFILE} ({@code prlimit}): creating
 * handles fails with {@link ipc.api.IpcDescriptorLimitException}, and a message whose descriptors do not fit is
 * never delivered with handles missing. The child ({@link ExhaustionChild}) reports each step to this JVM.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class DescriptorExhaustionTest {

    /** Low enough to fill quickly, high enough for a JVM with this class path (about 60 open at start). */
    private static final int LIMIT = 384;
    private static final Duration NEXT = Duration.ofSeconds(60);
    private static final String LIMIT_ERROR = "ipc.api.IpcDescriptorLimitException: ";
    private static final int SENDERS = 8;

    @BeforeEach
    void needsPrlimit() {
        assumeFalse("inprocess".equals(System.getProperty("ipc.transport")),
                "needs a transport that crosses processes");
        Optional<String> why = ChildJvm.whyCannotLimitOpenFiles();
        assumeTrue(why.isEmpty(), () -> "needs a child JVM with a low descriptor limit: " + why.orElseThrow());
    }

    @Test
    void creatingHandlesBeyondTheLimitFailsWithAnErrorNamingItAndWorksAgainOnceFreed() throws Exception {
        try (Session session = Session.start("channels")) {
            Matcher channels = session.expect("channels", "(\\d+) channels created, then " + Pattern.quote(LIMIT_ERROR)
                    + "(.*)");
            assertTrue(Integer.parseInt(channels.group(1)) > 0, "some channels fit first");
            assertNamesTheLimit(channels.group(2), false);
            assertNamesTheLimit(session.expect("memory", "\\d+ regions created, then " + Pattern.quote(LIMIT_ERROR)
                    + "(.*)").group(1), false);
            assertNamesTheLimit(session.expect("server", "failed: " + Pattern.quote(LIMIT_ERROR) + "(.*)").group(1),
                    false);
            assertNamesTheLimit(session.expect("channel", "failed: " + Pattern.quote(LIMIT_ERROR) + "(.*)").group(1),
                    false);
            session.expect("after", Pattern.quote("channel again, memory intact, server ok"));
            session.expectDone();
        }
    }

    @Test
    void aMessageWhoseHandlesDoNotFitStaysQueuedUntilDescriptorsAreFree() throws Exception {
        try (Session session = Session.start("full-by-library")) {
            session.expect("full", "\\d+ channels created, then " + Pattern.quote(LIMIT_ERROR) + ".*");
            List<List<IpcReceiver<String>>> receivers = session.sendParcels();
            session.expect("received", Pattern.quote(describe(0)));
            assertNamesTheLimit(session.expect("refused", Pattern.quote(LIMIT_ERROR) + "(.*)").group(1), false);
            assertNamesTheLimit(session.expect("refused", Pattern.quote(LIMIT_ERROR) + "(.*)").group(1), false);
            session.expect("freed", ".*");
            for (int sequence = 1; sequence < ExhaustionChild.PARCELS; sequence++) {
                session.expect("received", Pattern.quote(describe(sequence)));
            }
            session.expectDone();
            for (int sequence = 0; sequence < ExhaustionChild.PARCELS; sequence++) {
                assertSendersWorked(receivers.get(sequence), sequence, session.child);
            }
        }
    }

    @Test
    void aMessageArrivingWhenTheApplicationFilledTheTableIsNeverDeliveredWithHandlesMissing() throws Exception {
        try (Session session = Session.start("full-by-application")) {
            session.expect("full", "\\d+ files opened, then .*");
            List<List<IpcReceiver<String>>> receivers = session.sendParcels();
            session.expect("received", Pattern.quote(describe(0)));
            String refusal = session.expect("refused", Pattern.quote(LIMIT_ERROR) + "(.*)").group(1);
            assertNamesTheLimit(refusal);
            session.expect("freed", ".*");
            Report next = session.next();
            int first;
            if (next.event().equals("received") && next.detail().equals(describe(1))) {
                first = 1; // it stayed queued: delivered whole now
                assertNamesTheLimit(refusal, false);
            } else {
                assertNamesTheLimit(refusal, true); // parcel 1 is lost: the refusal must have said so
                assertEquals(new Report("received", describe(2), null), next, "the parcel after the dropped one");
                first = 2;
                for (IpcReceiver<String> receiver : receivers.get(1)) {
                    assertThrows(IpcDisconnectedException.class, () -> receiver.tryRecv(NEXT),
                            "the dropped parcel's senders were closed in the child");
                }
            }
            for (int sequence = first + 1; sequence < ExhaustionChild.PARCELS; sequence++) {
                session.expect("received", Pattern.quote(describe(sequence)));
            }
            session.expectDone();
            for (int sequence = first; sequence < ExhaustionChild.PARCELS; sequence++) {
                assertSendersWorked(receivers.get(sequence), sequence, session.child);
            }
        }
    }

    /** Parcels 1 and 4 carry senders, 3 and 4 shared memory; the others are plain. */
    private static int sendersIn(int sequence) {
        return sequence == 1 || sequence == 4 ? SENDERS : 0;
    }

    private static boolean memoryIn(int sequence) {
        return sequence == 3 || sequence == 4;
    }

    /** What {@link ExhaustionChild#describe(Parcel)} says of parcel {@code sequence} received whole. */
    private static String describe(int sequence) {
        return "sequence=" + sequence + " senders=" + sendersIn(sequence) + " memory="
                + (memoryIn(sequence) ? "intact" : "none");
    }

    private static void assertNamesTheLimit(String message, boolean dropped) {
        assertNamesTheLimit(message);
        assertTrue(message.endsWith(" [messageDropped=" + dropped + "]"), (dropped ? "reports a dropped message: "
                : "reports that nothing was lost: ") + message);
    }

    private static void assertNamesTheLimit(String message) {
        assertTrue(message.contains("RLIMIT_NOFILE"), "the message names the limit: " + message);
        assertTrue(Pattern.compile("\\b" + LIMIT + "\\b").matcher(message).find(),
                "the message gives the limit's value " + LIMIT + ": " + message);
    }

    private static void assertSendersWorked(List<IpcReceiver<String>> receivers, int sequence, ChildJvm child)
            throws Exception {
        for (int i = 0; i < receivers.size(); i++) {
            int index = i;
            assertEquals("s" + sequence + "-" + i, receivers.get(i).tryRecv(NEXT).orElseThrow(() ->
                    new AssertionError("nothing through sender " + index + " of parcel " + sequence + "; child "
                            + "output:\n" + child.output())), "the child used the sender it received");
        }
    }

    /** A child at the limit, connected, with its reports read one by one. */
    private static final class Session implements AutoCloseable {

        private final IpcOneShotServer<Report> server;
        private final ChildJvm child;
        private final IpcReceiver<Report> reports;
        private final IpcSender<Parcel> inbox;
        private final List<Report> seen = new ArrayList<>();
        private final List<AutoCloseable> closeables = new ArrayList<>();

        private Session(IpcOneShotServer<Report> server, ChildJvm child, IpcOneShotServer.Accepted<Report> hello) {
            this.server = server;
            this.child = child;
            this.reports = hello.receiver();
            this.inbox = hello.message().inbox();
            seen.add(hello.message());
        }

        static Session start(String scenario) throws Exception {
            IpcOneShotServer<Report> server = IpcOneShotServer.create(Report.class);
            ChildJvm child = null;
            try {
                child = ChildJvm.builder(ExhaustionChild.class).openFilesLimit(LIMIT)
                        .start(scenario, server.name());
                Session session = new Session(server, child, accept(server, child));
                Report hello = session.seen.get(0);
                assertEquals("hello", hello.event(), "the child's first report");
                assertTrue(hello.detail().startsWith("limit=" + LIMIT + " "),
                        "the child runs with RLIMIT_NOFILE " + LIMIT + ": " + hello.detail());
                return session;
            } catch (Throwable e) {
                if (child != null) {
                    child.close();
                }
                server.close();
                throw e;
            }
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

        /** Sends the {@value ExhaustionChild#PARCELS} parcels; returns, per parcel, the receivers of its senders. */
        List<List<IpcReceiver<String>>> sendParcels() throws Exception {
            List<List<IpcReceiver<String>>> receivers = new ArrayList<>();
            for (int sequence = 0; sequence < ExhaustionChild.PARCELS; sequence++) {
                List<IpcReceiver<String>> mine = new ArrayList<>();
                List<IpcSender<String>> senders = new ArrayList<>();
                for (int i = 0; i < sendersIn(sequence); i++) {
                    IpcChannel<String> channel = Ipc.channel(String.class);
                    closeables.add(channel.receiver());
                    mine.add(channel.receiver());
                    senders.add(channel.sender());
                }
                IpcSharedMemory memory = memoryIn(sequence)
                        ? IpcSharedMemory.fromBytes(Wire.pattern(ExhaustionChild.MEMORY_BYTES)) : null;
                inbox.send(new Parcel(sequence, senders, memory));
                for (IpcSender<String> sender : senders) {
                    sender.close(); // the child holds the only senders now
                }
                if (memory != null) {
                    memory.close();
                }
                receivers.add(mine);
            }
            return receivers;
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
}
