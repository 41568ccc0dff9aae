package ipc.api;

import ipc.api.spi.IpcSerializer;
import ipc.api.spi.SenderEndpoint;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.util.Objects;

/**
 * The sending end of a typed channel: Rust's {@code IpcSender<T>}.
 *
 * <p>A sender can itself travel inside a message, to another thread or process; the receiving side gets a working
 * sender to the same channel. Sending a sender does not close it: close it when you are done. The channel's
 * receiver sees {@link IpcDisconnectedException} once every sender, in every process, is closed and the queue is
 * drained.
 *
 * <h2>Thread safety</h2>
 * Thread-safe. Messages from one sender arrive in the order sent, each whole and never interleaved with another
 * sender's message, whatever its size.
 *
 * @param <T> the message type
 */
public final class IpcSender<T> extends AbstractHandle {

    private final Binding<T> binding;

    IpcSender(HandleCore core, Binding<T> binding) {
        super(core);
        this.binding = binding;
    }

    /**
     * Connects to an {@link IpcOneShotServer} by its {@linkplain IpcOneShotServer#name() name}, typically from a
     * child process that was given the name. Uses the default serializer.
     *
     * @param name the server's name
     * @param type the message type; must match the server's
     * @param <T> the message type
     * @return a sender whose first message the server's {@code accept} returns
     * @throws IpcException if no server listens under that name, it already accepted a client, or no transport or
     *     serializer is available
     */
    public static <T> IpcSender<T> connect(String name, Class<T> type) throws IpcException {
        return connect(name, TypeRef.of(type));
    }

    /**
     * Connects to an {@link IpcOneShotServer} for a generic message type. Uses the default serializer.
     *
     * @param name the server's name
     * @param type the message type; must match the server's
     * @param <T> the message type
     * @return the sender
     * @throws IpcException if no server listens under that name, it already accepted a client, or no transport or
     *     serializer is available
     */
    public static <T> IpcSender<T> connect(String name, TypeRef<T> type) throws IpcException {
        return connect(name, type, IpcRuntime.defaultSerializer());
    }

    /**
     * Connects to an {@link IpcOneShotServer} with an explicit serializer, which must have the server's name.
     *
     * @param name the server's name
     * @param type the message type; must match the server's
     * @param serializer the serializer
     * @param <T> the message type
     * @return the sender
     * @throws IpcException if no server listens under that name, it already accepted a client, or no transport is
     *     available
     */
    public static <T> IpcSender<T> connect(String name, Class<T> type, IpcSerializer serializer) throws IpcException {
        return connect(name, TypeRef.of(type), serializer);
    }

    /**
     * Connects to an {@link IpcOneShotServer} with an explicit serializer, which must have the server's name.
     *
     * @param name the server's name
     * @param type the message type; must match the server's
     * @param serializer the serializer
     * @param <T> the message type
     * @return the sender
     * @throws IpcException if no server listens under that name, it already accepted a client, or no transport is
     *     available
     */
    public static <T> IpcSender<T> connect(String name, TypeRef<T> type, IpcSerializer serializer)
            throws IpcException {
        Objects.requireNonNull(name, "name");
        Binding<T> binding = Binding.eager(type, serializer);
        SenderEndpoint endpoint = IpcRuntime.transport().connect(name);
        return new IpcSender<>(new HandleCore(endpoint), binding);
    }

    /**
     * Sends a message. Handles inside it (senders, receivers, shared memory) travel with it and stay open here.
     *
     * @param message the message
     * @throws NullPointerException if {@code message} is null
     * @throws IpcDisconnectedException if the receiver is closed (in every process)
     * @throws IpcSerializationException if the serializer cannot encode the message
     * @throws IpcException if the OS fails; the message was then not sent
     * @throws IllegalStateException if this sender, or a handle inside the message, is closed
     */
    public void send(T message) throws IpcException {
        Objects.requireNonNull(message, "message");
        try {
            MessageWriter.send(endpoint(), binding.header(), binding.codec(), message, binding.type(),
                    binding.serializerName());
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * An independent handle to the same channel: Rust's {@code clone()}. Closing one does not close the other.
     *
     * @return a new sender, to be closed by the caller
     * @throws IllegalStateException if this sender is closed
     * @throws UncheckedIOException wrapping an {@link IpcException} if the OS refuses (out of file descriptors)
     */
    public IpcSender<T> duplicate() {
        try {
            return new IpcSender<>(new HandleCore(endpoint().duplicate()), binding);
        } catch (IpcException e) {
            throw new UncheckedIOException(e);
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * An untyped view of this sender, sharing its OS handle: closing either closes both.
     *
     * @return the view
     */
    public OpaqueIpcSender toOpaque() {
        return new OpaqueIpcSender(core, binding.serializer());
    }

    /** The declared message type. */
    public TypeRef<T> type() {
        return binding.type();
    }

    private SenderEndpoint endpoint() {
        if (!core.isOpen()) {
            throw new IllegalStateException("This IpcSender is closed");
        }
        return (SenderEndpoint) core.endpoint();
    }

    @Override
    public String toString() {
        return "IpcSender<" + binding.type() + ">" + (isOpen() ? "" : " (closed)");
    }
}
