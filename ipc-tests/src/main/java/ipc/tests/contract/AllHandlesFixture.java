package ipc.tests.contract;

import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.tests.messages.AllHandles;

/**
 * One channel per handle type and a shared-memory region, so that a test can send one handle of each of the seven
 * types and check that every received one works.
 */
public final class AllHandlesFixture implements AutoCloseable {

    /** The shared memory region's content. */
    public static final byte[] MEMORY = {9, 8, 7, 6, 5};

    private final IpcChannel<String> forSender;
    private final IpcChannel<String> forReceiver;
    private final IpcBytesChannel forBytesSender;
    private final IpcBytesChannel forBytesReceiver;
    private final IpcChannel<String> forOpaqueSender;
    private final IpcChannel<String> forOpaqueReceiver;
    private final IpcSharedMemory memory;

    /**
     * Opens the six channels and the region.
     *
     * @throws IpcException if the transport refuses
     */
    public AllHandlesFixture() throws IpcException {
        forSender = Ipc.channel(String.class);
        forReceiver = Ipc.channel(String.class);
        forBytesSender = Ipc.bytesChannel();
        forBytesReceiver = Ipc.bytesChannel();
        forOpaqueSender = Ipc.channel(String.class);
        forOpaqueReceiver = Ipc.channel(String.class);
        memory = IpcSharedMemory.fromBytes(MEMORY);
    }

    /** The seven local handles, ready to send. */
    public AllHandles handles() {
        return new AllHandles(forSender.sender(), forReceiver.receiver(), forBytesSender.sender(),
                forBytesReceiver.receiver(), forOpaqueSender.sender().toOpaque(),
                forOpaqueReceiver.receiver().toOpaque(), memory);
    }

    /** Closes the local receivers that were sent, so that the received ones are the only readers. */
    public void closeSentReceivers() {
        forReceiver.receiver().close();
        forBytesReceiver.receiver().close();
        forOpaqueReceiver.receiver().close();
    }

    /** Asserts that each of {@code received}'s seven handles works, then closes them. */
    public void assertWorks(AllHandles received, String where) throws IpcException {
        assertNotNull(received, where + ": a decoded value");
        received.sender().send("typed");
        assertEquals("typed", receive(forSender.receiver(), where + ": typed sender"), where + ": typed sender");

        forReceiver.sender().send("to typed receiver");
        assertEquals("to typed receiver", receive(received.receiver(), where + ": typed receiver"),
                where + ": typed receiver");

        received.bytesSender().send(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, receive(forBytesSender.receiver(), where + ": bytes sender"),
                where + ": bytes sender");

        forBytesReceiver.sender().send(new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, receive(received.bytesReceiver(), where + ": bytes receiver"),
                where + ": bytes receiver");

        IpcSender<String> opaqueSender = received.opaqueSender().to(String.class);
        opaqueSender.send("opaque");
        assertEquals("opaque", receive(forOpaqueSender.receiver(), where + ": opaque sender"),
                where + ": opaque sender");

        forOpaqueReceiver.sender().send("to opaque receiver");
        IpcReceiver<String> opaqueReceiver = received.opaqueReceiver().to(String.class);
        assertEquals("to opaque receiver", receive(opaqueReceiver, where + ": opaque receiver"),
                where + ": opaque receiver");

        assertArrayEquals(MEMORY, received.memory().toByteArray(), where + ": shared memory content");
        assertEquals(memory, received.memory(), where + ": shared memory equal by content");

        for (AutoCloseable handle : new AutoCloseable[] {received.sender(), received.receiver(),
                received.bytesSender(), received.bytesReceiver(), received.opaqueSender(), received.opaqueReceiver(),
                received.memory()}) {
            try {
                handle.close();
            } catch (Exception e) {
                throw new AssertionError(where + ": close() of a received handle threw", e);
            }
        }
    }

    @Override
    public void close() {
        forSender.close();
        forReceiver.close();
        forBytesSender.close();
        forBytesReceiver.close();
        forOpaqueSender.close();
        forOpaqueReceiver.close();
        memory.close();
    }
}
