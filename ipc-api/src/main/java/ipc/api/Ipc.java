package ipc.api;

import ipc.api.spi.EndpointPair;
import ipc.api.spi.IpcSerializer;

/**
 * Creates channels: the entry point of ipc-channel, Rust's {@code ipc::channel()} and {@code ipc::bytes_channel()}.
 *
 * <p>The transport is discovered on first use: the system property {@code ipc.transport} ({@code linux},
 * {@code macos}, {@code inprocess}) forces one; otherwise the one supported platform transport found with
 * {@link java.util.ServiceLoader} is used ({@code inprocess} is never chosen silently). The default serializer is
 * the only serializer module present, or the one named by {@code ipc.serializer} when several are.
 *
 * <pre>{@code
 * IpcChannel<Point> channel = Ipc.channel(Point.class);
 * channel.sender().send(new Point(1, 2));
 * Point p = channel.receiver().recv();
 * }</pre>
 *
 * <h2>Thread safety</h2>
 * All methods are thread-safe.
 */
public final class Ipc {

    private Ipc() {}

    /**
     * Creates a typed channel with the default serializer.
     *
     * @param type the message type
     * @param <T> the message type
     * @return both ends, each to be closed by its user
     * @throws IpcException if no transport or no (or no single) serializer is available, or the OS refuses
     * @throws IllegalArgumentException if the serializer cannot handle {@code type}
     */
    public static <T> IpcChannel<T> channel(Class<T> type) throws IpcException {
        return channel(TypeRef.of(type));
    }

    /**
     * Creates a channel for a generic message type, such as {@code new TypeRef<List<Point>>() {}}.
     *
     * @param type the message type
     * @param <T> the message type
     * @return both ends
     * @throws IpcException if no transport or no (or no single) serializer is available, or the OS refuses
     * @throws IllegalArgumentException if the serializer cannot handle {@code type}
     */
    public static <T> IpcChannel<T> channel(TypeRef<T> type) throws IpcException {
        return channel(type, IpcRuntime.defaultSerializer());
    }

    /**
     * Creates a typed channel with an explicit serializer, such as a configured {@code JacksonSerializer}.
     *
     * @param type the message type
     * @param serializer the serializer both ends use
     * @param <T> the message type
     * @return both ends
     * @throws IpcException if no transport is available, or the OS refuses
     * @throws IllegalArgumentException if the serializer cannot handle {@code type}
     */
    public static <T> IpcChannel<T> channel(Class<T> type, IpcSerializer serializer) throws IpcException {
        return channel(TypeRef.of(type), serializer);
    }

    /**
     * Creates a channel for a generic message type with an explicit serializer.
     *
     * @param type the message type
     * @param serializer the serializer both ends use
     * @param <T> the message type
     * @return both ends
     * @throws IpcException if no transport is available, or the OS refuses
     * @throws IllegalArgumentException if the serializer cannot handle {@code type}
     */
    public static <T> IpcChannel<T> channel(TypeRef<T> type, IpcSerializer serializer) throws IpcException {
        Binding<T> binding = Binding.eager(type, serializer);
        EndpointPair pair = IpcRuntime.transport().channel();
        return new IpcChannel<>(new IpcSender<>(new HandleCore(pair.sender()), binding),
                new IpcReceiver<>(new HandleCore(pair.receiver()), binding));
    }

    /**
     * Creates a channel of raw byte messages.
     *
     * @return both ends
     * @throws IpcException if no transport is available, or the OS refuses
     */
    public static IpcBytesChannel bytesChannel() throws IpcException {
        EndpointPair pair = IpcRuntime.transport().channel();
        return new IpcBytesChannel(new IpcBytesSender(new HandleCore(pair.sender())),
                new IpcBytesReceiver(new HandleCore(pair.receiver())));
    }

    /**
     * The serializer used when none is given.
     *
     * @return the default serializer
     * @throws IpcException if none, or several without {@code -Dipc.serializer}, are present
     */
    public static IpcSerializer defaultSerializer() throws IpcException {
        return IpcRuntime.defaultSerializer();
    }

    /**
     * An installed serializer by name, for an explicit per-channel choice.
     *
     * @param name such as {@code jackson}, {@code kryo} or {@code protobuf}
     * @return the serializer
     * @throws IpcException if no installed serializer has that name
     */
    public static IpcSerializer serializer(String name) throws IpcException {
        return IpcRuntime.serializerNamed(name);
    }

    /**
     * The name of the transport in use, such as {@code linux}.
     *
     * @return the name
     * @throws IpcException if no transport is available
     */
    public static String transportName() throws IpcException {
        return IpcRuntime.transport().name();
    }
}
