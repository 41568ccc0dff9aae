package ipc.tests.contract;

import static ipc.tests.contract.Contracts.assertNothingQueued;
import static ipc.tests.contract.Contracts.awaitRelease;
import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.OpaqueIpcSender;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * A handle that becomes unreachable without {@code close()} is still released (by a {@link java.lang.ref.Cleaner}),
 * while any view of it is reachable, and never twice. Observed from the other end of the channel, polling the
 * garbage collector with a generous bound: the one place in these contracts where polling is the point.
 */
public abstract class CleanerContract {

    @Test
    public void unreachableReceiverIsReleased() throws Exception {
        try (IpcSender<String> sender = GcProbes.senderOfAnUnreachableReceiver()) {
            CompletableFuture<Throwable> refused = GcProbes.sendUntilRefused(sender);
            try {
                awaitRelease("an unreachable receiver", refused::isDone);
            } finally {
                refused.complete(null);
            }
            assertInstanceOf(IpcDisconnectedException.class, refused.get(), "sends end with a disconnect");
        }
    }

    @Test
    public void unreachableSenderIsReleased() throws Exception {
        try (IpcReceiver<String> receiver = GcProbes.receiverOfAnUnreachableSender()) {
            awaitRelease("an unreachable sender", () -> GcProbes.isDisconnected(receiver));
        }
    }

    @Test
    public void aReachableViewKeepsTheHandleOpen() throws Exception {
        ViewAndReceiver kept = viewOfADroppedSender();
        try (IpcReceiver<String> receiver = kept.receiver(); OpaqueIpcSender view = kept.view()) {
            try (IpcReceiver<String> canary = GcProbes.receiverOfAnUnreachableSender()) {
                awaitRelease("a canary dropped together with the typed sender",
                        () -> GcProbes.isDisconnected(canary));
            }
            assertNothingQueued(receiver, "the collected typed sender did not close its view's handle");
            view.to(String.class).send("through the view");
            assertEquals("through the view", receive(receiver, "via the view"), "the view still works");
        }
    }

    @Test
    public void closedThenUnreachableIsNotReleasedAgain() throws Exception {
        try (IpcChannel<String> channel = Ipc.channel(String.class);
                IpcSender<String> copy = duplicateOfAClosedAndDroppedSender(channel);
                IpcChannel<String> fresh = Ipc.channel(String.class)) {
            try (IpcReceiver<String> canary = GcProbes.receiverOfAnUnreachableSender()) {
                awaitRelease("a canary dropped together with the closed sender",
                        () -> GcProbes.isDisconnected(canary));
            }
            copy.send("duplicate");
            assertEquals("duplicate", receive(channel.receiver(), "via the duplicate"),
                    "the duplicate is unaffected by the closed original's collection");
            fresh.sender().send("fresh");
            assertEquals("fresh", receive(fresh.receiver(), "fresh"),
                    "a handle created after the close (which may reuse its OS number) is unaffected");
        }
    }

    /** What {@link #viewOfADroppedSender()} keeps. */
    private record ViewAndReceiver(OpaqueIpcSender view, IpcReceiver<String> receiver) {}

    /** Creates a channel and keeps its receiver and an untyped view of its sender, dropping the typed sender. */
    private static ViewAndReceiver viewOfADroppedSender() throws IpcException {
        IpcChannel<String> channel = Ipc.channel(String.class);
        return new ViewAndReceiver(channel.sender().toOpaque(), channel.receiver());
    }

    /** Returns a duplicate of {@code channel}'s sender, whose original is closed; drops a closed view. */
    private static IpcSender<String> duplicateOfAClosedAndDroppedSender(IpcChannel<String> channel)
            throws IpcException {
        IpcSender<String> original = channel.sender().duplicate();
        IpcSender<String> copy = original.duplicate();
        channel.sender().close();
        original.close();
        return copy;
    }
}
