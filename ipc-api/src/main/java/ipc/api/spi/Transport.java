package ipc.api.spi;

import ipc.api.IpcException;
import ipc.api.IpcPeerPolicy;
import java.nio.ByteBuffer;
import java.util.function.Consumer;

/**
 * Creates the OS objects behind channels, one-shot servers, receiver sets and shared memory.
 *
 * <h2>Thread safety</h2>
 * Implementations must be thread-safe.
 */
public interface Transport {

    /** The provider's name, such as {@code linux}. */
    String name();

    /**
     * Creates a connected pair: messages sent on the sender end are received on the receiver end.
     *
     * @return the two ends, each owned by the caller
     * @throws IpcException if the OS refuses (for example, out of file descriptors)
     */
    EndpointPair channel() throws IpcException;

    /**
     * Creates a server that accepts exactly one client through {@link #connect(String)}.
     *
     * @return the server, owned by the caller
     * @throws IpcException if the OS refuses
     */
    OneShotServerEndpoint oneShotServer() throws IpcException;

    /**
     * Creates a server that accepts exactly one client through {@link #connect(String)}, from a user the policy
     * allows. A transport that can tell who connects must check it before reading from the client, disconnect a
     * refused client and keep waiting. The default implementation supports only {@link IpcPeerPolicy#sameUser()}
     * (where every client necessarily is the same user, as within one process).
     *
     * @param peers who may connect
     * @return the server, owned by the caller
     * @throws IpcException if the OS refuses
     * @throws UnsupportedOperationException if the transport cannot enforce a policy that admits other users
     */
    default OneShotServerEndpoint oneShotServer(IpcPeerPolicy peers) throws IpcException {
        if (peers.admitsOtherUsers()) {
            throw new UnsupportedOperationException("The " + name() + " transport has no notion of users; "
                    + peers + " cannot be enforced");
        }
        return oneShotServer();
    }

    /**
     * Connects to a one-shot server by the name it published, possibly in another process.
     *
     * @param name the server's {@link OneShotServerEndpoint#name()}
     * @return a sender whose messages the server's accepted receiver gets
     * @throws IpcException if no server listens under that name, or it already accepted a client
     */
    SenderEndpoint connect(String name) throws IpcException;

    /**
     * Creates an empty set that reports readiness over many receivers.
     *
     * @return the set, owned by the caller
     * @throws IpcException if the OS refuses
     */
    ReceiverSetEndpoint receiverSet() throws IpcException;

    /**
     * Creates a shared-memory region of {@code length} bytes, lets {@code initializer} fill it through a
     * writable buffer (position 0, limit {@code length}), then makes it read-only for good (on Linux: seals it).
     * The writable buffer must not be used after {@code initializer} returns.
     *
     * @param length the size in bytes, 0 or more
     * @param initializer fills the region
     * @return the region, owned by the caller
     * @throws IpcException if the OS refuses
     */
    SharedMemoryEndpoint sharedMemory(int length, Consumer<ByteBuffer> initializer) throws IpcException;
}
