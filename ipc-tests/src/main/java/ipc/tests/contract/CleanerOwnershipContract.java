package ipc.tests.contract;

import static ipc.tests.contract.Contracts.awaitRelease;
import static ipc.tests.contract.Contracts.select;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult;
import ipc.api.IpcSender;
import ipc.tests.messages.SenderHolder;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Handles owned by something unreachable (a message never decoded, a receiver never read, a receiver set) are
 * released with it. Polls the garbage collector, as {@link CleanerContract} does.
 */
public abstract class CleanerOwnershipContract {

    @Test
    public void handlesOfAnUndecodedMessageAreReleased() throws Exception {
        try (IpcChannel<String> inner = Ipc.channel(String.class);
                IpcChannel<SenderHolder> carrier = Ipc.channel(SenderHolder.class);
                IpcReceiverSet set = IpcReceiverSet.create()) {
            set.add(carrier.receiver());
            carrier.sender().send(new SenderHolder(inner.sender()));
            inner.sender().close();
            assertEquals(1, selectAndDropTheMessage(set), "the dropped message carried the sender");
            awaitRelease("the sender inside an undecoded, unreachable message",
                    () -> GcProbes.isDisconnected(inner.receiver()));
        }
    }

    @Test
    public void handlesQueuedInAnUnreachableReceiverAreReleased() throws Exception {
        try (IpcChannel<String> inner = Ipc.channel(String.class)) {
            IpcSender<SenderHolder> carrier = carrierWithAnUnreachableReceiver();
            carrier.send(new SenderHolder(inner.sender()));
            carrier.close();
            inner.sender().close();
            awaitRelease("a sender queued in an unreachable receiver", () -> GcProbes.isDisconnected(inner.receiver()));
        }
    }

    @Test
    public void unreachableReceiverSetReleasesItsMembers() throws Exception {
        try (IpcSender<String> sender = senderOfAReceiverInAnUnreachableSet()) {
            CompletableFuture<Throwable> refused = GcProbes.sendUntilRefused(sender);
            try {
                awaitRelease("a receiver inside an unreachable receiver set", refused::isDone);
            } finally {
                refused.complete(null);
            }
            assertInstanceOf(IpcDisconnectedException.class, refused.get(), "sends end with a disconnect");
        }
    }

    /** Selects one message, checks it, and lets it become unreachable undecoded; returns its handle count. */
    private static int selectAndDropTheMessage(IpcReceiverSet set) throws IpcException {
        IpcSelectionResult result = select(set, "the carrier message").get(0);
        return assertInstanceOf(IpcSelectionResult.MessageReceived.class, result, "a message, not " + result)
                .message().handleCount();
    }

    private static IpcSender<SenderHolder> carrierWithAnUnreachableReceiver() throws IpcException {
        IpcChannel<SenderHolder> channel = Ipc.channel(SenderHolder.class);
        return channel.sender();
    }

    private static IpcSender<String> senderOfAReceiverInAnUnreachableSet() throws IpcException {
        IpcChannel<String> channel = Ipc.channel(String.class);
        IpcReceiverSet set = IpcReceiverSet.create();
        IpcReceiver<String> receiver = channel.receiver();
        set.add(receiver);
        return channel.sender();
    }
}
