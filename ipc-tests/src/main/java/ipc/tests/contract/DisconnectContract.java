package ipc.tests.contract;

import static ipc.tests.contract.Contracts.assertDisconnected;
import static ipc.tests.contract.Contracts.assertNothingQueued;
import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcSender;
import ipc.tests.messages.Person;
import ipc.tests.messages.SenderHolder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a channel counts as disconnected, on either side, including senders in transit inside messages. */
public abstract class DisconnectContract {

    @Test
    public void sendToClosedReceiverThrowsDisconnected() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            channel.receiver().close();
            assertThrows(IpcDisconnectedException.class, () -> channel.sender().send(Person.PATRICK),
                    "send after the receiver closed");
            assertThrows(IpcDisconnectedException.class, () -> channel.sender().send(Person.PATRICK),
                    "and again: the sender stays usable enough to keep reporting it");
        }
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            channel.receiver().close();
            assertThrows(IpcDisconnectedException.class, () -> channel.sender().send(new byte[] {1, 2}),
                    "bytes send after the receiver closed");
        }
    }

    @Test
    public void disconnectedOnlyAfterEveryDuplicateCloses() throws Exception {
        try (IpcChannel<Integer> channel = Ipc.channel(Integer.class)) {
            List<IpcSender<Integer>> copies = List.of(channel.sender().duplicate(), channel.sender().duplicate(),
                    channel.sender().duplicate());
            channel.sender().close();
            for (int i = 0; i < copies.size(); i++) {
                assertNothingQueued(channel.receiver(), "still connected while " + (copies.size() - i)
                        + " duplicates are open");
                copies.get(i).send(i);
                copies.get(i).close();
                assertEquals(i, receive(channel.receiver(), "message " + i),
                        "a message from a closed duplicate is delivered");
            }
            assertDisconnected(channel.receiver(), "once the last duplicate closed and the queue is drained");
        }
    }

    @Test
    public void senderInsideUndeliveredMessageKeepsChannelConnected() throws Exception {
        try (IpcChannel<String> inner = Ipc.channel(String.class);
                IpcChannel<SenderHolder> carrier = Ipc.channel(SenderHolder.class)) {
            carrier.sender().send(new SenderHolder(inner.sender()));
            inner.sender().close();
            assertNothingQueued(inner.receiver(), "a sender inside an undelivered message still counts");

            SenderHolder delivered = receive(carrier.receiver(), "the carrier message");
            assertNothingQueued(inner.receiver(), "the delivered sender counts");
            delivered.handle().send("through the delivered sender");
            assertEquals("through the delivered sender", receive(inner.receiver(), "inner message"),
                    "the delivered sender works");
            delivered.handle().close();
            assertDisconnected(inner.receiver(), "only now is every sender closed");
        }
    }

    @Test
    public void senderInsideDiscardedMessageIsReleased() throws Exception {
        try (IpcChannel<String> inner = Ipc.channel(String.class);
                IpcChannel<SenderHolder> carrier = Ipc.channel(SenderHolder.class)) {
            carrier.sender().send(new SenderHolder(inner.sender()));
            inner.sender().close();
            assertNothingQueued(inner.receiver(), "the sender in transit counts");
            carrier.receiver().close();
            assertDisconnected(inner.receiver(),
                    "closing the carrier's receiver discards the queued message and the sender inside it");
        }
    }

    @Test
    public void closeFromAnotherThreadWakesBlockedRecv() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            BlockedCall blocked = BlockedCall.start("recv", channel.receiver()::recv);
            channel.receiver().close();
            assertEquals(IpcDisconnectedException.class, blocked.failure().getClass(),
                    "a recv blocked when its receiver is closed throws IpcDisconnectedException");
        }
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            BlockedCall blocked = BlockedCall.start("bytes recv", channel.receiver()::recv);
            channel.receiver().close();
            assertEquals(IpcDisconnectedException.class, blocked.failure().getClass(),
                    "a bytes recv blocked when its receiver is closed throws IpcDisconnectedException");
        }
    }

    @Test
    public void closeFromAnotherThreadWakesTimedRecv() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            BlockedCall blocked = BlockedCall.start("tryRecv", () -> channel.receiver().tryRecv(Contracts.TIMEOUT));
            channel.receiver().close();
            assertEquals(IpcDisconnectedException.class, blocked.failure().getClass(),
                    "a tryRecv(timeout) waiting when its receiver is closed throws at once, not after the timeout");
        }
    }

    @Test
    public void lastSenderClosedOnAnotherThreadWakesBlockedRecv() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            BlockedCall blocked = BlockedCall.start("recv", channel.receiver()::recv);
            channel.sender().close();
            assertEquals(IpcDisconnectedException.class, blocked.failure().getClass(),
                    "a recv blocked when the last sender closes throws IpcDisconnectedException");
        }
    }
}
