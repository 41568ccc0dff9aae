package ipc.tests.serde;

import static ipc.tests.serde.SerializerKit.receive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcSharedMemory;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import java.util.List;

/**
 * The local ends of one channel per handle type and a shared-memory region: the kit sends one end of each inside a
 * message and checks, through the other end, that the received handle works, or that it was closed.
 */
final class LocalHandles implements AutoCloseable {

    static final byte[] MEMORY = {9, 8, 7, 6, 5};
    private static final TypeRef<String> STRING = TypeRef.of(String.class);

    private final IpcSerializer serializer;
    private final IpcChannel<String> forSender;
    private final IpcChannel<String> forReceiver;
    private final IpcBytesChannel forBytesSender;
    private final IpcBytesChannel forBytesReceiver;
    private final IpcChannel<String> forOpaqueSender;
    private final IpcChannel<String> forOpaqueReceiver;
    private final IpcSharedMemory memory;

    LocalHandles(IpcSerializer serializer) throws IpcException {
        this.serializer = serializer;
        forSender = Ipc.channel(STRING, serializer);
        forReceiver = Ipc.channel(STRING, serializer);
        forBytesSender = Ipc.bytesChannel();
        forBytesReceiver = Ipc.bytesChannel();
        forOpaqueSender = Ipc.channel(STRING, serializer);
        forOpaqueReceiver = Ipc.channel(STRING, serializer);
        memory = IpcSharedMemory.fromBytes(MEMORY);
    }

    /** The handles to send: one end of each channel, and the typed sender a second time. */
    HandleSet toSend() {
        return new HandleSet(forSender.sender(), forSender.sender(), forReceiver.receiver(),
                forBytesSender.sender(), forBytesReceiver.receiver(), forOpaqueSender.sender().toOpaque(),
                forOpaqueReceiver.receiver().toOpaque(), memory);
    }

    /** Closes the local copies of the handles that were sent, so that received copies are the only ones. */
    void closeSentCopies() {
        forSender.sender().close();
        forReceiver.receiver().close();
        forBytesSender.sender().close();
        forBytesReceiver.receiver().close();
        forOpaqueSender.sender().close();
        forOpaqueReceiver.receiver().close();
        memory.close();
    }

    /** Asserts that each received handle works, using it against the local end of its channel. */
    void assertWork(HandleSet received, String where) throws IpcException {
        assertNotNull(received, where + ": the carrier extracted the handles");
        received.sender().send("typed");
        assertEquals("typed", receive(forSender.receiver(), where + ": typed sender"), where + ": typed sender");
        received.senderAgain().send("typed again");
        assertEquals("typed again", receive(forSender.receiver(), where + ": sender reached twice"),
                where + ": the sender reached twice");
        forReceiver.sender().send("to typed receiver");
        assertEquals("to typed receiver", receive(received.receiver(), where + ": typed receiver"),
                where + ": typed receiver");
        received.bytesSender().send(new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, forBytesSender.receiver().tryRecv(SerializerKit.TIMEOUT)
                .orElseThrow(), where + ": bytes sender");
        forBytesReceiver.sender().send(new byte[] {4, 5});
        assertArrayEquals(new byte[] {4, 5}, received.bytesReceiver().tryRecv(SerializerKit.TIMEOUT).orElseThrow(),
                where + ": bytes receiver");
        received.opaqueSender().to(STRING, serializer).send("opaque");
        assertEquals("opaque", receive(forOpaqueSender.receiver(), where + ": opaque sender"),
                where + ": opaque sender");
        forOpaqueReceiver.sender().send("to opaque receiver");
        assertEquals("to opaque receiver", receive(received.opaqueReceiver().to(STRING, serializer),
                where + ": opaque receiver"), where + ": opaque receiver");
        assertArrayEquals(MEMORY, received.memory().toByteArray(), where + ": shared memory content");
    }

    /**
     * Asserts that no copy of the sent handles is open any more (call after {@link #closeSentCopies()}): the
     * channels of the sent senders report disconnection and those of the sent receivers refuse messages.
     */
    void assertSentCopiesClosed(String where) throws IpcException {
        for (IpcChannel<String> channel : List.of(forSender, forOpaqueSender)) {
            assertThrows(IpcDisconnectedException.class, () -> channel.receiver().tryRecv(SerializerKit.TIMEOUT),
                    where + ": every copy of a sent sender is closed, so its receiver sees disconnection");
        }
        assertThrows(IpcDisconnectedException.class, () -> forBytesSender.receiver().tryRecv(SerializerKit.TIMEOUT),
                where + ": every copy of the sent bytes sender is closed");
        for (IpcChannel<String> channel : List.of(forReceiver, forOpaqueReceiver)) {
            assertThrows(IpcDisconnectedException.class, () -> channel.sender().send("anyone there?"),
                    where + ": every copy of a sent receiver is closed, so its sender sees disconnection");
        }
        assertThrows(IpcDisconnectedException.class, () -> forBytesReceiver.sender().send(new byte[] {1}),
                where + ": every copy of the sent bytes receiver is closed");
    }

    /** Closes every received handle. */
    static void closeAll(HandleSet received) throws Exception {
        if (received != null) {
            for (AutoCloseable handle : received.all()) {
                if (handle != null) {
                    handle.close();
                }
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
