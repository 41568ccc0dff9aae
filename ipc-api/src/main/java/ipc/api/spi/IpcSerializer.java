package ipc.api.spi;

import ipc.api.TypeRef;

/**
 * Turns typed values into bytes and back, found with {@link java.util.ServiceLoader} or passed explicitly to
 * {@link ipc.api.Ipc#channel(Class, IpcSerializer)}.
 *
 * <p>Every message records the {@linkplain #name() name} of the serializer that wrote it; a receiver whose
 * serializer has another name rejects the message with an {@link ipc.api.IpcSerializationException} that names
 * both. Two instances with the same name must read each other's bytes.
 *
 * <p>A serializer must never instantiate a class that a peer names unless the application allowed it, never use
 * Java's built-in object serialization, and never allocate more than the message's size on the strength of a
 * length the message declares.
 *
 * <h2>Thread safety</h2>
 * Implementations, and the codecs they return, must be thread-safe.
 */
public interface IpcSerializer {

    /** A short ASCII name, 1 to 32 characters, such as {@code jackson}; chosen with {@code -Dipc.serializer}. */
    String name();

    /**
     * Prepares a codec for one declared message type. May be called many times for the same type (once per channel
     * end, including each typed handle decoded out of a message, on its first use): implementations should cache
     * codecs by type.
     *
     * @param type the declared message type
     * @param <T> the message type
     * @return the codec
     * @throws IllegalArgumentException if this serializer cannot handle {@code type} (the message says why)
     */
    <T> MessageCodec<T> codec(TypeRef<T> type);
}
