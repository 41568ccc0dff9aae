package ipc.tests.contract;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Ways to observe, from the surviving end of a channel, that the garbage collector and the cleaner released the
 * other end. Each factory method creates a channel and lets one end become unreachable when it returns.
 */
final class GcProbes {

    private static final Duration PROBE_INTERVAL = Duration.ofMillis(20);

    private GcProbes() {}

    /** A sender whose only receiver is unreachable once this returns. */
    static IpcSender<String> senderOfAnUnreachableReceiver() throws IpcException {
        IpcChannel<String> channel = Ipc.channel(String.class);
        return channel.sender();
    }

    /** A receiver whose only sender is unreachable once this returns. */
    static IpcReceiver<String> receiverOfAnUnreachableSender() throws IpcException {
        IpcChannel<String> channel = Ipc.channel(String.class);
        return channel.receiver();
    }

    /** Whether {@code receiver} reports every sender gone; waits a moment for a message or the disconnect. */
    static boolean isDisconnected(IpcReceiver<?> receiver) throws IpcException {
        try {
            Optional<?> message = receiver.tryRecv(PROBE_INTERVAL);
            if (message.isPresent()) {
                throw new AssertionError("unexpected message while waiting for the disconnect: " + message.get());
            }
            return false;
        } catch (ipc.api.IpcDisconnectedException e) {
            return true;
        }
    }

    /**
     * Sends small messages on {@code sender} from a background thread until a send fails, and completes with that
     * failure. A send may block while the peer's buffer is full; a release of the receiver wakes it with the
     * disconnect. Complete the future yourself to stop the probe. The pause between sends is polling, acceptable
     * here only (see {@link Contracts#awaitRelease}).
     */
    static CompletableFuture<Throwable> sendUntilRefused(IpcSender<String> sender) {
        CompletableFuture<Throwable> refused = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                while (!refused.isDone()) {
                    sender.send("probe");
                    Thread.sleep(PROBE_INTERVAL.toMillis());
                }
            } catch (Throwable e) {
                refused.complete(e);
            }
        }, "cleaner-probe");
        thread.setDaemon(true);
        thread.start();
        return refused;
    }
}
