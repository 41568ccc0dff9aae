package ipc.tests.contract;

import static ipc.tests.contract.Contracts.QUIET;
import static ipc.tests.contract.Contracts.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Membership of an {@link IpcReceiverSet}: what it owns, when receivers leave, and what a closed set does. */
public abstract class ReceiverSetLifecycleContract {

    @Test
    public void channelClosedIsReportedOnceAfterTheRemainingMessages() throws Exception {
        try (IpcChannel<Integer> channel = Ipc.channel(Integer.class);
                IpcReceiverSet set = IpcReceiverSet.create()) {
            long id = set.add(channel.receiver());
            for (int i = 0; i < 3; i++) {
                channel.sender().send(i);
            }
            channel.sender().close();
            List<Integer> values = new ArrayList<>();
            int closedReports = 0;
            while (closedReports == 0) {
                for (IpcSelectionResult result : select(set, "messages, then the close")) {
                    assertEquals(id, result.id(), "every result is about the one receiver");
                    if (result instanceof IpcSelectionResult.MessageReceived received) {
                        assertEquals(0, closedReports, "no message after ChannelClosed");
                        values.add(received.message().to(Integer.class));
                    } else {
                        closedReports++;
                    }
                }
            }
            assertEquals(List.of(0, 1, 2), values, "every message, in order, before ChannelClosed");
            assertEquals(1, closedReports, "ChannelClosed reported once");
            assertEquals(0, set.size(), "the closed receiver left the set");
            assertEquals(List.of(), set.trySelect(QUIET), "nothing more is reported about it");
        }
    }

    @Test
    public void opaqueAndBytesReceiversCanBeAdded() throws Exception {
        try (IpcChannel<String> typed = Ipc.channel(String.class);
                IpcBytesChannel bytes = Ipc.bytesChannel();
                IpcReceiverSet set = IpcReceiverSet.create()) {
            long opaqueId = set.add(typed.receiver().toOpaque());
            long bytesId = set.add(bytes.receiver());
            assertEquals(2, set.size(), "two members");
            typed.sender().send("opaque");
            IpcSelectionResult result = select(set, "the opaque receiver's message").get(0);
            assertEquals(opaqueId, result.id(), "from the opaque receiver");
            assertEquals("opaque", assertInstanceOf(IpcSelectionResult.MessageReceived.class, result, "a message")
                    .message().to(String.class), "decodes with the receiver's serializer");
            bytes.sender().send(new byte[] {1, 2});
            result = select(set, "the bytes receiver's message").get(0);
            assertEquals(bytesId, result.id(), "from the bytes receiver");
            assertArrayEquals(new byte[] {1, 2}, assertInstanceOf(IpcSelectionResult.MessageReceived.class, result,
                    "a message").message().to(byte[].class), "decodes as byte[]");
        }
    }

    @Test
    public void closingTheSetClosesItsReceivers() throws Exception {
        try (IpcChannel<String> a = Ipc.channel(String.class);
                IpcBytesChannel b = Ipc.bytesChannel()) {
            IpcReceiverSet set = IpcReceiverSet.create();
            set.add(a.receiver());
            set.add(b.receiver());
            set.close();
            set.close();
            assertThrows(IpcDisconnectedException.class, () -> a.sender().send("x"), "the set closed member a");
            assertThrows(IpcDisconnectedException.class, () -> b.sender().send(new byte[] {1}),
                    "the set closed member b");
            assertThrows(IllegalStateException.class, set::trySelect, "a closed set cannot select");
        }
    }

    @Test
    public void closedReceiverCannotBeAdded() throws Exception {
        try (IpcChannel<String> channel = Ipc.channel(String.class);
                IpcReceiverSet set = IpcReceiverSet.create()) {
            channel.receiver().close();
            assertThrows(IllegalStateException.class, () -> set.add(channel.receiver()), "adding a closed receiver");
            assertEquals(0, set.size(), "nothing was added");
        }
    }

    @Test
    public void closeFromAnotherThreadWakesBlockedSelect() throws Exception {
        try (IpcChannel<String> channel = Ipc.channel(String.class)) {
            IpcReceiverSet set = IpcReceiverSet.create();
            set.add(channel.receiver());
            BlockedCall blocked = BlockedCall.start("select", set::select);
            set.close();
            assertEquals(IllegalStateException.class, blocked.failure().getClass(),
                    "a select blocked when its set is closed throws as a select on a closed set does");
        }
    }
}
