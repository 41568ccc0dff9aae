package ipc.tests.leaks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcSharedMemory;
import ipc.tests.messages.AllHandles;

/**
 * The local ends of one handle of each of the seven types, to send in an {@link AllHandles} and to check the
 * received copies against.
 */
final class HandleSource implements AutoCloseable {

    static final byte[] MEMORY = {9, 8, 7, 6, 5};

    private final IpcChannel<String> forSender;
    private final IpcChannel<String> forReceiver;
    private final IpcBytesChannel forBytesSender;
    private final IpcBytesChannel forBytesReceiver;
    private final IpcChannel<String> forOpaqueSender;
    private final IpcChannel<String> forOpaqueReceiver;
    private final IpcSharedMemory memory;

    HandleSource() throws IpcException {
        forSender = Ipc.channel(String.class);
        forReceiver = Ipc.channel(String.class);
        forBytesSender = Ipc.bytesChannel();
        forBytesReceiver = Ipc.bytesChannel();
        forOpaqueSender = Ipc.channel(String.class);
        forOpaqueReceiver = Ipc.channel(String.class);
        memory = IpcSharedMemory.fromBytes(MEMORY);
    }

    /** The seven local handles, ready to send (sending does not close them). */
    AllHandles handles() {
        return new AllHandles(forSender.sender(), forReceiver.receiver(), forBytesSender.sender(),
                forBytesReceiver.receiver(), forOpaqueSender.sender().toOpaque(),
                forOpaqueReceiver.receiver().toOpaque(), memory);
    }

    /** Checks that a received typed sender, typed receiver and shared memory work, then closes all seven. */
    void assertWorksAndClose(AllHandles received, String where) throws IpcException {
        received.sender().send("typed");
        assertEquals("typed", Leaks.recv(forSender.receiver()), where + ": the received sender reaches its channel");
        forReceiver.sender().send("to receiver");
        assertEquals("to receiver", Leaks.recv(received.receiver()), where + ": the received receiver reads");
        assertArrayEquals(MEMORY, received.memory().toByteArray(), where + ": shared memory content");
        Leaks.closeAll(received);
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
