package ipc.api;

import ipc.api.spi.IpcSerializer;
import ipc.api.spi.OneShotServerEndpoint;
import ipc.api.spi.ReceiverEndpoint;
import java.lang.ref.Cleaner;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A named rendezvous through which a child process connects its first channel: Rust's {@code IpcOneShotServer}.
 *
 * <p>Give {@link #name()} to the child (on its command line or in its environment); the child calls
 * {@link IpcSender#connect(String, Class)} and sends a first message, usually carrying further channels. The server
 * accepts exactly one client; its name stops working once a client is accepted or the server is closed, and nothing
 * is left behind on disk.
 *
 * <h2>Thread safety</h2>
 * Thread-safe; {@link #close()} from another thread wakes a blocked {@link #accept()}.
 *
 * @param <T> the type of the client's messages
 */
public final class IpcOneShotServer<T> implements AutoCloseable {

    private final OneShotServerEndpoint endpoint;
    private final Binding<T> binding;
    private final Cleaner.Cleanable cleanable;
    private final Object lock = new Object();
    private volatile IpcReceiver<T> connected;
    private volatile boolean accepted;

    /**
     * The client's channel and its first message.
     *
     * @param receiver the receiver of the client's further messages
     * @param message the client's first message
     * @param <T> the message type
     */
    public record Accepted<T>(IpcReceiver<T> receiver, T message) {
        /** Checks that neither part is null. */
        public Accepted {
            Objects.requireNonNull(receiver, "receiver");
            Objects.requireNonNull(message, "message");
        }
    }

    private IpcOneShotServer(OneShotServerEndpoint endpoint, Binding<T> binding) {
        this.endpoint = endpoint;
        this.binding = binding;
        this.cleanable = HandleCore.register(this, endpoint::close);
    }

    /**
     * Creates a server for messages of {@code type}, with the default serializer.
     *
     * @param type the message type
     * @param <T> the message type
     * @return the server, to be closed by the caller
     * @throws IpcException if no transport or serializer is available, or the OS refuses
     */
    public static <T> IpcOneShotServer<T> create(Class<T> type) throws IpcException {
        return create(TypeRef.of(type));
    }

    /**
     * Creates a server for a generic message type, with the default serializer.
     *
     * @param type the message type
     * @param <T> the message type
     * @return the server, to be closed by the caller
     * @throws IpcException if no transport or serializer is available, or the OS refuses
     */
    public static <T> IpcOneShotServer<T> create(TypeRef<T> type) throws IpcException {
        return create(type, IpcRuntime.defaultSerializer());
    }

    /**
     * Creates a server with an explicit serializer; the client must use one of the same name.
     *
     * @param type the message type
     * @param serializer the serializer
     * @param <T> the message type
     * @return the server, to be closed by the caller
     * @throws IpcException if no transport is available, or the OS refuses
     */
    public static <T> IpcOneShotServer<T> create(Class<T> type, IpcSerializer serializer) throws IpcException {
        return create(TypeRef.of(type), serializer);
    }

    /**
     * Creates a server with an explicit serializer; the client must use one of the same name.
     *
     * @param type the message type
     * @param serializer the serializer
     * @param <T> the message type
     * @return the server, to be closed by the caller
     * @throws IpcException if no transport is available, or the OS refuses
     */
    public static <T> IpcOneShotServer<T> create(TypeRef<T> type, IpcSerializer serializer) throws IpcException {
        return create(type, serializer, IpcPeerPolicy.sameUser());
    }

    /**
     * Creates a server, with the default serializer, that accepts a client of a user {@code peers} allows.
     *
     * @param type the message type
     * @param peers who may connect ({@link IpcPeerPolicy#sameUser()} is what the other factories use)
     * @param <T> the message type
     * @return the server, to be closed by the caller
     * @throws IpcException if no transport or serializer is available, or the OS refuses
     */
    public static <T> IpcOneShotServer<T> create(Class<T> type, IpcPeerPolicy peers) throws IpcException {
        return create(TypeRef.of(type), IpcRuntime.defaultSerializer(), peers);
    }

    /**
     * Creates a server with an explicit serializer that accepts a client of a user {@code peers} allows. A client
     * the policy refuses is disconnected before anything is read from it, logged, and the server keeps waiting.
     *
     * @param type the message type
     * @param serializer the serializer
     * @param peers who may connect
     * @param <T> the message type
     * @return the server, to be closed by the caller
     * @throws IpcException if no transport is available, or the OS refuses
     */
    public static <T> IpcOneShotServer<T> create(TypeRef<T> type, IpcSerializer serializer, IpcPeerPolicy peers)
            throws IpcException {
        Objects.requireNonNull(peers, "peers");
        Binding<T> binding = Binding.eager(type, serializer);
        return new IpcOneShotServer<>(IpcRuntime.transport().oneShotServer(peers), binding);
    }

    /** The name a client passes to {@link IpcSender#connect(String, Class)}. */
    public String name() {
        return endpoint.name();
    }

    /**
     * Waits for the client and its first message, without limit. Prefer {@link #tryAccept(Duration)} when the client
     * is a process that may die before connecting.
     *
     * @return the client's channel and first message
     * @throws IpcDisconnectedException if the client closed its sender before sending a message
     * @throws IpcSerializationException if the first message cannot be decoded
     * @throws IpcException if the server is closed, already accepted a client, or the OS fails
     */
    public Accepted<T> accept() throws IpcException {
        return accept(-1).orElseThrow(() -> new IllegalStateException("blocking accept returned nothing"));
    }

    /**
     * Waits at most {@code timeout} for the client and its first message. If the client connected but its first
     * message is not there yet, a later call goes on waiting for it.
     *
     * @param timeout how long to wait in all
     * @return the client's channel and first message, or empty if they did not arrive in time
     * @throws IpcDisconnectedException if the client closed its sender before sending a message
     * @throws IpcSerializationException if the first message cannot be decoded
     * @throws IpcException if the server is closed, already accepted a client, or the OS fails
     */
    public Optional<Accepted<T>> tryAccept(Duration timeout) throws IpcException {
        return accept(Timeouts.toNanos(timeout));
    }

    private Optional<Accepted<T>> accept(long timeoutNanos) throws IpcException {
        long deadline = timeoutNanos < 0 ? 0 : System.nanoTime() + timeoutNanos;
        synchronized (lock) {
            if (accepted) {
                throw new IpcException("This IpcOneShotServer already accepted its one client");
            }
            if (connected == null) {
                ReceiverEndpoint receiver = endpoint.accept(timeoutNanos);
                if (receiver == null) {
                    return Optional.empty();
                }
                connected = new IpcReceiver<>(new HandleCore(receiver), binding);
                cleanable.clean();
            }
            long remaining = timeoutNanos < 0 ? -1 : Math.max(0, deadline - System.nanoTime());
            Optional<T> first;
            try {
                first = remaining < 0 ? Optional.of(connected.recv()) : connected.tryRecv(Duration.ofNanos(remaining));
            } catch (IpcException e) {
                accepted = true;
                connected.close();
                throw e;
            }
            if (first.isEmpty()) {
                return Optional.empty();
            }
            accepted = true;
            return Optional.of(new Accepted<>(connected, first.get()));
        }
    }

    /**
     * Stops listening and removes the name. A receiver already returned by an accept stays open. Idempotent.
     */
    @Override
    public void close() {
        cleanable.clean();
        IpcReceiver<T> pending = connected;
        if (pending != null && !accepted) {
            // Not under the lock: an accept() blocked on the first message holds it; closing wakes it.
            pending.close();
        }
    }
}
