package ipc.tests.crossprocess;

import static ipc.tests.crossprocess.ConnectedChild.NEXT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcReceiver;
import ipc.tests.children.ExhaustionChild;
import ipc.tests.children.ExhaustionChild.Report;
import ipc.tests.support.ChildJvm;
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

    /** Low enough to fill quickly, high enough for a JVM with this class path (about 50 open at start). */
    private static final int LIMIT = 384;
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
        try (ConnectedChild peer = start("channels")) {
            Matcher channels = peer.expect("channels", "(\\d+) channels created, then " + Pattern.quote(LIMIT_ERROR)
                    + "(.*)");
            assertTrue(Integer.parseInt(channels.group(1)) > 0, "some channels fit first");
            assertNamesTheLimit(channels.group(2), false);
            assertNamesTheLimit(peer.expect("memory", "\\d+ regions created, then " + Pattern.quote(LIMIT_ERROR)
                    + "(.*)").group(1), false);
            assertNamesTheLimit(peer.expect("server", "failed: " + Pattern.quote(LIMIT_ERROR) + "(.*)").group(1),
                    false);
            assertNamesTheLimit(peer.expect("channel", "failed: " + Pattern.quote(LIMIT_ERROR) + "(.*)").group(1),
                    false);
            peer.expect("after", Pattern.quote("channel again, memory intact, server ok"));
            peer.expectDone();
        }
    }

    @Test
    void aMessageWhoseHandlesDoNotFitStaysQueuedUntilDescriptorsAreFree() throws Exception {
        try (ConnectedChild peer = start("full-by-library")) {
            peer.expect("full", "\\d+ channels created, then " + Pattern.quote(LIMIT_ERROR) + ".*");
            List<List<IpcReceiver<String>>> receivers = sendParcels(peer);
            peer.expect("received", Pattern.quote(describe(0)));
            assertNamesTheLimit(peer.expect("refused", Pattern.quote(LIMIT_ERROR) + "(.*)").group(1), false);
            assertNamesTheLimit(peer.expect("refused", Pattern.quote(LIMIT_ERROR) + "(.*)").group(1), false);
            peer.expect("freed", ".*");
            for (int sequence = 1; sequence < ExhaustionChild.PARCELS; sequence++) {
                peer.expect("received", Pattern.quote(describe(sequence)));
            }
            peer.expectDone();
            for (int sequence = 0; sequence < ExhaustionChild.PARCELS; sequence++) {
                peer.assertSendersWorked(receivers.get(sequence), sequence);
            }
        }
    }

    @Test
    void aMessageArrivingWhenTheApplicationFilledTheTableIsNeverDeliveredWithHandlesMissing() throws Exception {
        try (ConnectedChild peer = start("full-by-application")) {
            peer.expect("full", "\\d+ files opened, then .*");
            List<List<IpcReceiver<String>>> receivers = sendParcels(peer);
            peer.expect("received", Pattern.quote(describe(0)));
            String refusal = peer.expect("refused", Pattern.quote(LIMIT_ERROR) + "(.*)").group(1);
            peer.expect("freed", ".*");
            Report next = peer.next();
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
                peer.expect("received", Pattern.quote(describe(sequence)));
            }
            peer.expectDone();
            for (int sequence = first; sequence < ExhaustionChild.PARCELS; sequence++) {
                peer.assertSendersWorked(receivers.get(sequence), sequence);
            }
        }
    }

    private static ConnectedChild start(String scenario) throws Exception {
        ConnectedChild peer = ConnectedChild.start(ChildJvm.builder(ExhaustionChild.class).openFilesLimit(LIMIT),
                scenario);
        assertTrue(peer.hello().detail().startsWith("limit=" + LIMIT + " "),
                "the child runs with RLIMIT_NOFILE " + LIMIT + ": " + peer.hello().detail());
        return peer;
    }

    /** Parcels 1 and 4 carry senders, 3 and 4 shared memory; the others are plain. */
    private static List<List<IpcReceiver<String>>> sendParcels(ConnectedChild peer) throws Exception {
        List<List<IpcReceiver<String>>> receivers = new ArrayList<>();
        for (int sequence = 0; sequence < ExhaustionChild.PARCELS; sequence++) {
            receivers.add(peer.send(sequence, sendersIn(sequence), memoryIn(sequence), null));
        }
        return receivers;
    }

    private static int sendersIn(int sequence) {
        return sequence == 1 || sequence == 4 ? SENDERS : 0;
    }

    private static boolean memoryIn(int sequence) {
        return sequence == 3 || sequence == 4;
    }

    /** What {@link ExhaustionChild#describe} says of parcel {@code sequence} received whole. */
    private static String describe(int sequence) {
        return "sequence=" + sequence + " senders=" + sendersIn(sequence) + " memory="
                + (memoryIn(sequence) ? "intact" : "none");
    }

    private static void assertNamesTheLimit(String message, boolean dropped) {
        assertTrue(message.contains("RLIMIT_NOFILE"), "the message names the limit: " + message);
        assertTrue(Pattern.compile("\\b" + LIMIT + "\\b").matcher(message).find(),
                "the message gives the limit's value " + LIMIT + ": " + message);
        assertTrue(message.endsWith(" [messageDropped=" + dropped + "]"), (dropped ? "reports a dropped message: "
                : "reports that nothing was lost: ") + message);
    }
}
