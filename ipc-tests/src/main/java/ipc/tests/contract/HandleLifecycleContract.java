package ipc.tests.contract;

import static ipc.tests.contract.Contracts.assertDisconnected;
import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcRouter;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.tests.messages.Person;
import org.junit.jupiter.api.Test;

/** {@code close()}, {@code isOpen()} and {@code duplicate()} of every handle type. */
public abstract class HandleLifecycleContract {

    @Test
    public void closeIsIdempotentOnEveryHandleType() throws Exception {
        IpcChannel<Person> channel = Ipc.channel(Person.class);
        IpcBytesChannel bytes = Ipc.bytesChannel();
        IpcSharedMemory memory = IpcSharedMemory.fromBytes(new byte[] {1, 2, 3});
        IpcOneShotServer<Person> server = IpcOneShotServer.create(Person.class);
        IpcReceiverSet set = IpcReceiverSet.create();
        IpcRouter router = IpcRouter.create();
        AutoCloseable[] handles = {channel.sender(), channel.receiver(), bytes.sender(), bytes.receiver(),
                channel.sender().toOpaque(), channel.receiver().toOpaque(), memory, server, set, router};
        for (AutoCloseable handle : handles) {
            assertDoesNotThrow(handle::close, "first close() of " + handle);
            assertDoesNotThrow(handle::close, "second close() of " + handle);
        }
        assertFalse(channel.sender().isOpen(), "sender closed");
        assertFalse(channel.receiver().isOpen(), "receiver closed");
        assertFalse(bytes.sender().isOpen(), "bytes sender closed");
        assertFalse(bytes.receiver().isOpen(), "bytes receiver closed");
        assertFalse(memory.isOpen(), "shared memory closed");
    }

    @Test
    public void closedSenderRefusesToSendOrDuplicate() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            channel.sender().close();
            assertThrows(IllegalStateException.class, () -> channel.sender().send(Person.PATRICK),
                    "send on a closed sender is misuse");
            assertThrows(IllegalStateException.class, () -> channel.sender().duplicate(),
                    "duplicate of a closed sender is misuse");
        }
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            channel.sender().close();
            assertThrows(IllegalStateException.class, () -> channel.sender().send(new byte[] {1}),
                    "send on a closed bytes sender is misuse");
        }
    }

    @Test
    public void closedReceiverThrowsDisconnected() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            channel.sender().send(Person.PATRICK);
            channel.receiver().close();
            assertThrows(IpcDisconnectedException.class, channel.receiver()::tryRecv,
                    "tryRecv on a closed receiver, even with a message queued");
        }
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            channel.receiver().close();
            assertThrows(IpcDisconnectedException.class, channel.receiver()::tryRecv,
                    "tryRecv on a closed bytes receiver");
        }
    }

    @Test
    public void duplicateIsAnIndependentHandle() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            IpcSender<Person> copy = channel.sender().duplicate();
            assertTrue(copy.isOpen(), "the duplicate is open");
            channel.sender().close();
            assertTrue(copy.isOpen(), "closing the original does not close the duplicate");
            copy.send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(channel.receiver(), "via the duplicate"),
                    "the duplicate reaches the same channel");
            copy.close();
            assertDisconnected(channel.receiver(), "closing the last of original and duplicate disconnects");
        }
    }

    @Test
    public void duplicateSenderAfterReceiverClosed() throws Exception {
        try (IpcChannel<Integer> channel = Ipc.channel(Integer.class)) {
            channel.receiver().close();
            try (IpcSender<Integer> copy = assertDoesNotThrow(() -> channel.sender().duplicate(),
                    "Rust's clone_sender_after_receiver_dropped: duplicating still works")) {
                assertThrows(IpcDisconnectedException.class, () -> copy.send(7),
                        "but sending on the duplicate reports the closed receiver");
            }
        }
    }

    @Test
    public void channelRecordClosesBothEnds() throws Exception {
        IpcChannel<Person> channel = Ipc.channel(Person.class);
        channel.close();
        assertFalse(channel.sender().isOpen(), "IpcChannel.close() closes the sender");
        assertFalse(channel.receiver().isOpen(), "IpcChannel.close() closes the receiver");
        IpcBytesChannel bytes = Ipc.bytesChannel();
        bytes.close();
        assertFalse(bytes.sender().isOpen() || bytes.receiver().isOpen(), "IpcBytesChannel.close() closes both");
    }
}
