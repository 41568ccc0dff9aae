package ipc.serde.testsupport;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import java.nio.charset.StandardCharsets;

/**
 * One fixture per handle type: a fresh handle (and its peer) for one test, and how to prove that a decoded copy of it
 * works. The serializer module decides the message type of typed channels and which serializer they use.
 */
public final class HandleFixtures {

    private static final byte[] BYTES = "bytes".getBytes(StandardCharsets.US_ASCII);
    private static final String TEXT = "opaque";

    private HandleFixtures() {}

    /**
     * Opens a fresh handle (and its peer) for one test.
     *
     * @param <H> the handle type
     */
    public interface Maker<H> {
        /**
         * Opens the handle, registering what it opens with {@code closer}.
         *
         * @param closer closes the handle and its peer after the test
         * @return the fixture
         * @throws Exception if opening fails
         */
        Fixture<H> make(Closer closer) throws Exception;
    }

    /**
     * Uses a decoded handle against the peer of the original.
     *
     * @param <H> the handle type
     */
    public interface Verifier<H> {
        /**
         * Asserts that {@code decoded} works.
         *
         * @param decoded the handle as decoded
         * @throws Exception if using it fails
         */
        void assertWorks(H decoded) throws Exception;
    }

    /**
     * A handle to send, and how to check a decoded copy of it.
     *
     * @param <H> the handle type
     * @param handle the original handle
     * @param verifier checks a decoded copy against the original's peer
     */
    public record Fixture<H>(H handle, Verifier<H> verifier) {}

    /** Opens the typed channels of the fixtures, with the serializer the caller chooses. */
    public interface Channels {
        /**
         * Opens a channel of {@code type}.
         *
         * @param <T> the message type
         * @param type the message class
         * @return the channel
         * @throws IpcException if it cannot be opened
         */
        <T> IpcChannel<T> open(Class<T> type) throws IpcException;
    }

    /**
     * A typed sender, checked by sending {@code sample} through the decoded copy.
     *
     * @param <P> the message type
     * @param closer closes the channel
     * @param channels opens the channel
     * @param type the message class
     * @param sample the message sent
     * @return the fixture
     * @throws IpcException if the channel cannot be opened
     */
    public static <P> Fixture<IpcSender<P>> sender(Closer closer, Channels channels, Class<P> type, P sample)
            throws IpcException {
        IpcChannel<P> channel = closer.add(channels.open(type));
        return new Fixture<>(channel.sender(), decoded -> {
            decoded.send(sample);
            assertEquals(sample, channel.receiver().recv(), "sent through the decoded sender");
        });
    }

    /**
     * A typed receiver, checked by receiving {@code sample} on the decoded copy.
     *
     * @param <P> the message type
     * @param closer closes the channel
     * @param channels opens the channel
     * @param type the message class
     * @param sample the message sent
     * @return the fixture
     * @throws IpcException if the channel cannot be opened
     */
    public static <P> Fixture<IpcReceiver<P>> receiver(Closer closer, Channels channels, Class<P> type, P sample)
            throws IpcException {
        IpcChannel<P> channel = closer.add(channels.open(type));
        return new Fixture<>(channel.receiver(), decoded -> {
            channel.sender().send(sample);
            assertEquals(sample, decoded.recv(), "received on the decoded receiver");
        });
    }

    /**
     * A bytes sender.
     *
     * @param closer closes the channel
     * @return the fixture
     * @throws IpcException if the channel cannot be opened
     */
    public static Fixture<IpcBytesSender> bytesSender(Closer closer) throws IpcException {
        IpcBytesChannel channel = closer.add(Ipc.bytesChannel());
        return new Fixture<>(channel.sender(), decoded -> {
            decoded.send(BYTES);
            assertArrayEquals(BYTES, channel.receiver().recv(), "sent through the decoded bytes sender");
        });
    }

    /**
     * A bytes receiver.
     *
     * @param closer closes the channel
     * @return the fixture
     * @throws IpcException if the channel cannot be opened
     */
    public static Fixture<IpcBytesReceiver> bytesReceiver(Closer closer) throws IpcException {
        IpcBytesChannel channel = closer.add(Ipc.bytesChannel());
        return new Fixture<>(channel.receiver(), decoded -> {
            channel.sender().send(BYTES);
            assertArrayEquals(BYTES, decoded.recv(), "received on the decoded bytes receiver");
        });
    }

    /**
     * An opaque sender of a {@code String} channel.
     *
     * @param closer closes the channel
     * @param channels opens the channel
     * @return the fixture
     * @throws IpcException if the channel cannot be opened
     */
    public static Fixture<OpaqueIpcSender> opaqueSender(Closer closer, Channels channels) throws IpcException {
        IpcChannel<String> channel = closer.add(channels.open(String.class));
        return new Fixture<>(channel.sender().toOpaque(), decoded -> {
            decoded.to(String.class).send(TEXT);
            assertEquals(TEXT, channel.receiver().recv(), "sent through a typed view of the decoded sender");
        });
    }

    /**
     * An opaque receiver of a {@code String} channel.
     *
     * @param closer closes the channel
     * @param channels opens the channel
     * @return the fixture
     * @throws IpcException if the channel cannot be opened
     */
    public static Fixture<OpaqueIpcReceiver> opaqueReceiver(Closer closer, Channels channels) throws IpcException {
        IpcChannel<String> channel = closer.add(channels.open(String.class));
        return new Fixture<>(channel.receiver().toOpaque(), decoded -> {
            channel.sender().send(TEXT);
            assertEquals(TEXT, decoded.to(String.class).recv(), "received on a typed view of the decoded receiver");
        });
    }

    /**
     * A shared memory region.
     *
     * @param closer closes the region
     * @return the fixture
     */
    public static Fixture<IpcSharedMemory> sharedMemory(Closer closer) {
        IpcSharedMemory memory = closer.add(IpcSharedMemory.fromBytes(BYTES));
        return new Fixture<>(memory, decoded ->
                assertArrayEquals(BYTES, decoded.toByteArray(), "the decoded region shows the same bytes"));
    }
}
