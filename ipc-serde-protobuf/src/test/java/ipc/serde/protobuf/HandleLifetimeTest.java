package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.fail;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSharedMemory;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.protobuf.fixtures.WithSender;
import ipc.serde.protobuf.proto.Handle;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A Handle keeps its handle object alive exactly as long as the Handle itself is reachable; a received handle that
 * is never taken out is closed once its message is unreachable, or at once by {@link IpcHandles#close(Handle)}.
 * Garbage collection is awaited through reference queues and disconnection, each wait bounded.
 */
class HandleLifetimeTest {

    private static final int GC_ROUNDS = 50;
    private static final Duration ROUND = Duration.ofMillis(200);

    private final ProtobufSerializer serializer = new ProtobufSerializer();

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void handleObjectLivesAsLongAsItsHandle() throws InterruptedException {
        ReferenceQueue<IpcSharedMemory> collected = new ReferenceQueue<>();
        Handle handle = IpcHandles.of(IpcSharedMemory.fromBytes(new byte[] {1}));
        WeakReference<IpcSharedMemory> memory = weakly(handle, collected);
        for (int i = 0; i < 3; i++) {
            System.gc();
            assertNull(collected.remove(ROUND.toMillis()), "the region stays while its Handle is reachable");
        }
        Reference.reachabilityFence(handle);
        handle = null;
        for (int i = 0; i < GC_ROUNDS && memory.get() != null; i++) {
            System.gc();
            collected.remove(ROUND.toMillis());
        }
        assertNull(memory.get(), "the region is released once its Handle is unreachable");
    }

    private static WeakReference<IpcSharedMemory> weakly(Handle handle, ReferenceQueue<IpcSharedMemory> queue) {
        try {
            IpcSharedMemory memory = IpcHandles.sharedMemory(handle);
            assertNotNull(memory, "the Handle stands for the region");
            return new WeakReference<>(memory, queue);
        } catch (IpcException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    @Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void unclaimedHandleClosesWhenItsMessageIsUnreachable() throws Exception {
        try (IpcChannel<Point> target = Ipc.channel(Point.class, serializer)) {
            receiveAndDrop(target);
            target.sender().close();
            for (int i = 0; i < GC_ROUNDS; i++) {
                System.gc();
                try {
                    target.receiver().tryRecv(ROUND);
                } catch (IpcDisconnectedException e) {
                    return;
                }
            }
            fail("the sender inside the dropped message was never closed");
        }
    }

    /** Sends {@code target}'s sender inside a message, receives it, and lets the message go. */
    private void receiveAndDrop(IpcChannel<Point> target) throws IpcException {
        try (IpcChannel<WithSender> channel = Ipc.channel(WithSender.class, serializer)) {
            channel.sender().send(WithSender.newBuilder().setReplyTo(IpcHandles.of(target.sender())).build());
            assertFalse(channel.receiver().recv().getReplyTo().hasIndex(), "received, holding a token");
        }
    }

    @Test
    void closeReleasesAReceivedHandleAtOnce() throws Exception {
        try (IpcChannel<Point> target = Ipc.channel(Point.class, serializer);
                IpcChannel<WithSender> channel = Ipc.channel(WithSender.class, serializer)) {
            channel.sender().send(WithSender.newBuilder().setReplyTo(IpcHandles.of(target.sender())).build());
            WithSender received = channel.receiver().recv();
            IpcHandles.close(received.getReplyTo());
            target.sender().close();
            IpcReceiver<Point> receiver = target.receiver();
            assertThrows(IpcDisconnectedException.class, () -> receiver.tryRecv(Duration.ofSeconds(5)),
                    "closed without waiting for the collector");
            assertFalse(IpcHandles.sender(received.getReplyTo(), Point.class).isOpen(), "what is taken out is closed");
        }
    }
}
