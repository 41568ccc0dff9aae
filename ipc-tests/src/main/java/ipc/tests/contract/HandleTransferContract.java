package ipc.tests.contract;

import static ipc.tests.contract.Contracts.assertDisconnected;
import static ipc.tests.contract.Contracts.assertNothingQueued;
import static ipc.tests.contract.Contracts.receive;
import static ipc.tests.contract.Contracts.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcMessage;
import ipc.api.TypeRef;
import ipc.tests.messages.SameSenderTwice;
import ipc.tests.messages.SenderHolder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What sending a handle does to the local one, and how many OS handles a message carries. */
public abstract class HandleTransferContract {

    @Test
    public void sendingAHandleDoesNotCloseIt() throws Exception {
        try (IpcChannel<String> inner = Ipc.channel(String.class);
                IpcChannel<SenderHolder> carrier = Ipc.channel(SenderHolder.class)) {
            carrier.sender().send(new SenderHolder(inner.sender()));
            assertTrue(inner.sender().isOpen(), "the local sender stays open after being sent");
            inner.sender().send("local");
            assertEquals("local", receive(inner.receiver(), "local"), "the local sender still works");
            SenderHolder received = receive(carrier.receiver(), "carrier");
            inner.sender().close();
            assertNothingQueued(inner.receiver(), "the received sender keeps the channel connected");
            received.handle().close();
            assertDisconnected(inner.receiver(), "local and received senders are both closed");
        }
    }

    @Test
    public void sendingAClosedHandleThrowsAndSendsNothing() throws Exception {
        try (IpcChannel<String> open = Ipc.channel(String.class);
                IpcChannel<String> closed = Ipc.channel(String.class);
                IpcChannel<SameSenderTwice> carrier = Ipc.channel(SameSenderTwice.class)) {
            closed.sender().close();
            assertThrows(IllegalStateException.class, () -> carrier.sender().send(
                    new SameSenderTwice(open.sender(), closed.sender(), open.sender().toOpaque())),
                    "a closed handle inside a message is misuse, reported by send");
            assertNothingQueued(carrier.receiver(), "the failed send delivered nothing");
            open.sender().close();
            assertDisconnected(open.receiver(),
                    "the open handle met before the closed one did not leak into a stray copy");

            try (IpcChannel<String> fresh = Ipc.channel(String.class)) {
                carrier.sender().send(new SameSenderTwice(fresh.sender(), fresh.sender(), fresh.sender().toOpaque()));
                SameSenderTwice received = receive(carrier.receiver(), "after the failed send");
                received.first().send("fine");
                assertEquals("fine", receive(fresh.receiver(), "fresh"), "the carrier stays usable");
                received.first().close();
            }
        }
    }

    @Test
    public void sameHandleReachableTwiceTravelsAsOneHandle() throws Exception {
        try (IpcChannel<String> inner = Ipc.channel(String.class);
                IpcChannel<SameSenderTwice> carrier = Ipc.channel(SameSenderTwice.class);
                IpcReceiverSet set = IpcReceiverSet.create()) {
            set.add(carrier.receiver());
            carrier.sender().send(new SameSenderTwice(inner.sender(), inner.sender(), inner.sender().toOpaque()));
            IpcSelectionResult result = select(set, "the carrier message").get(0);
            OpaqueIpcMessage message = assertInstanceOf(IpcSelectionResult.MessageReceived.class, result,
                    "a message, not " + result).message();
            assertEquals(1, message.handleCount(), "one sender reachable three ways (twice, and a view) is one handle");
            SameSenderTwice received = message.to(SameSenderTwice.class);
            assertSame(received.first(), received.second(), "the same handle at the same declared type is one object");
            inner.sender().close();
            received.first().send("still connected");
            assertEquals("still connected", receive(inner.receiver(), "inner"), "the one received handle works");
            received.opaque().close();
            assertFalse(received.first().isOpen(), "the untyped view shares the typed one's OS handle");
            assertDisconnected(inner.receiver(), "closing the one received handle closed the last sender");
        }
    }

    @Test
    public void sameSharedMemoryTwiceTravelsAsOneHandle() throws Exception {
        try (IpcSharedMemory memory = IpcSharedMemory.fromBytes(new byte[] {3, 1, 4});
                IpcChannel<List<IpcSharedMemory>> carrier = Ipc.channel(new TypeRef<List<IpcSharedMemory>>() {});
                IpcReceiverSet set = IpcReceiverSet.create()) {
            set.add(carrier.receiver());
            carrier.sender().send(List.of(memory, memory));
            IpcSelectionResult result = select(set, "the carrier message").get(0);
            OpaqueIpcMessage message = assertInstanceOf(IpcSelectionResult.MessageReceived.class, result,
                    "a message, not " + result).message();
            assertEquals(1, message.handleCount(), "one region listed twice is one handle");
            List<IpcSharedMemory> received = message.to(new TypeRef<List<IpcSharedMemory>>() {});
            assertSame(received.get(0), received.get(1), "both list elements are the one received region");
            assertArrayEquals(new byte[] {3, 1, 4}, received.get(0).toByteArray(), "its content");
            received.get(0).close();
        }
    }
}
