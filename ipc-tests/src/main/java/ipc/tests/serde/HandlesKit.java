package ipc.tests.serde;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every handle type embedded below the top level of a message arrives as a working handle (used through the other
 * end of its channel, shared memory read), a handle reachable twice arrives as one OS handle, and sending a handle
 * neither closes nor consumes the local one.
 */
public abstract class HandlesKit extends SerializerKit {

    /**
     * Binds the kit to a serializer.
     *
     * @param fixture the serializer under test and its samples
     */
    protected HandlesKit(SerializerFixture fixture) {
        super(fixture);
    }

    /** Sends the local handles inside {@code copies} messages and returns the handles extracted from each. */
    private <M> List<HandleSet> carry(HandleCarrier<M> carrier, LocalHandles local, int copies) throws Exception {
        List<HandleSet> received = new ArrayList<>();
        try (IpcChannel<M> channel = Ipc.channel(carrier.type(), serializer)) {
            HandleSet sent = local.toSend();
            for (int i = 0; i < copies; i++) {
                channel.sender().send(carrier.embed(sent));
            }
            for (AutoCloseable handle : sent.all()) {
                assertTrue(isOpen(handle), "sending a handle does not close the local one: " + handle);
            }
            for (int i = 0; i < copies; i++) {
                received.add(carrier.extract(receive(channel.receiver(), "message " + (i + 1) + " carrying handles")));
            }
        }
        return received;
    }

    private static boolean isOpen(AutoCloseable handle) {
        if (handle instanceof IpcSender<?> h) {
            return h.isOpen();
        } else if (handle instanceof IpcReceiver<?> h) {
            return h.isOpen();
        } else if (handle instanceof IpcBytesSender h) {
            return h.isOpen();
        } else if (handle instanceof IpcBytesReceiver h) {
            return h.isOpen();
        } else if (handle instanceof OpaqueIpcSender h) {
            return h.isOpen();
        } else if (handle instanceof OpaqueIpcReceiver h) {
            return h.isOpen();
        }
        return handle instanceof IpcSharedMemory h && h.isOpen();
    }

    @Test
    public void everyHandleTypeArrivesWorkingFromDepth() throws Exception {
        try (LocalHandles local = new LocalHandles(serializer)) {
            HandleSet received = carry(fixture.handles(), local, 1).get(0);
            try {
                local.assertWork(received, serializer.name() + ", handles at depth");
            } finally {
                LocalHandles.closeAll(received);
            }
        }
    }

    @Test
    public void handleReachableTwiceArrivesAsOneOsHandle() throws Exception {
        try (LocalHandles local = new LocalHandles(serializer)) {
            HandleSet received = carry(fixture.handles(), local, 1).get(0);
            received.sender().close();
            assertFalse(received.senderAgain().isOpen(), "closing the first occurrence of the sender closes the "
                    + "second: both are views of one OS handle");
            for (AutoCloseable handle : received.all()) {
                if (handle != received.senderAgain()) {
                    handle.close();
                }
            }
            local.closeSentCopies();
            // Were the second occurrence a second OS handle, still open, the channel would not be disconnected.
            local.assertSentCopiesClosed(serializer.name() + ", the sender reached twice");
        }
    }

    @Test
    public void theSameHandlesSentTwiceArriveAsIndependentHandles() throws Exception {
        try (LocalHandles local = new LocalHandles(serializer)) {
            List<HandleSet> received = carry(fixture.handles(), local, 2);
            LocalHandles.closeAll(received.get(0));
            try {
                local.assertWork(received.get(1), serializer.name() + ", second message after the first's "
                        + "handles were closed");
            } finally {
                LocalHandles.closeAll(received.get(1));
            }
        }
    }
}
