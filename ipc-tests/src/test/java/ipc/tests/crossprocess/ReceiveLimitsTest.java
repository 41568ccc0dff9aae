package ipc.tests.crossprocess;

import static ipc.tests.crossprocess.ConnectedChild.NEXT;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcLimits;
import ipc.api.IpcReceiver;
import ipc.tests.children.ExhaustionChild;
import ipc.tests.children.Wire;
import ipc.tests.support.ChildJvm;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Receive-side limits set with system properties in a child JVM: a peer's message over a limit is dropped with
 * {@link ipc.api.IpcLimitExceededException}, its handles closed, and the next messages arrive whole.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class ReceiveLimitsTest {

    private static final String OVER_LIMIT = "ipc.api.IpcLimitExceededException: ";

    @BeforeEach
    void needsACrossProcessTransport() {
        assumeFalse("inprocess".equals(System.getProperty("ipc.transport")),
                "needs a transport that crosses processes");
    }

    @Test
    void messagesOverTheChildsLimitsAreDroppedWithTheirHandlesAndTheRestArriveInOrder() throws Exception {
        ChildJvm.Builder child = ChildJvm.builder(ExhaustionChild.class)
                .systemProperty(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY, "64k")
                .systemProperty(IpcLimits.MAX_HANDLES_PROPERTY, "4");
        try (ConnectedChild peer = ConnectedChild.start(child, "limits")) {
            peer.expect("limits", Pattern.quote(new IpcLimits(64 * 1024, 4).toString()));
            peer.send(0, 0, false, null);
            peer.send(1, 0, false, Wire.pattern(1 << 20));
            peer.send(2, 0, false, Wire.pattern(1024));
            List<IpcReceiver<String>> tooMany = peer.send(3, 5, false, null);
            List<IpcReceiver<String>> atTheLimit = peer.send(4, 3, true, null);
            peer.send(5, 0, false, null);

            peer.expect("received", Pattern.quote("sequence=0 senders=0 memory=none"));
            String size = peer.expect("over-limit", Pattern.quote(OVER_LIMIT) + "(.*)").group(1);
            assertTrue(size.contains(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY), "names the property to raise: " + size);
            peer.expect("received", Pattern.quote("sequence=2 senders=0 memory=none bulk=1024 intact"));
            String handles = peer.expect("over-limit", Pattern.quote(OVER_LIMIT) + "(.*)").group(1);
            assertTrue(handles.contains(IpcLimits.MAX_HANDLES_PROPERTY), "names the property to raise: " + handles);
            peer.expect("received", Pattern.quote("sequence=4 senders=3 memory=intact"));
            peer.expect("received", Pattern.quote("sequence=5 senders=0 memory=none"));
            peer.expectDone();

            for (IpcReceiver<String> receiver : tooMany) {
                assertThrows(IpcDisconnectedException.class, () -> receiver.tryRecv(NEXT),
                        "the senders in the dropped message were closed in the child");
            }
            peer.assertSendersWorked(atTheLimit, 4); // 3 senders and a region: at the limit, not over it
        }
    }
}
