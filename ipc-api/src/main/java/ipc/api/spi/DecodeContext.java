package ipc.api.spi;

import ipc.api.IpcSerializationException;
import java.lang.reflect.Type;

/**
 * The handle table of one message being decoded. Valid only during
 * {@link MessageCodec#decode(java.nio.ByteBuffer, DecodeContext)}.
 *
 * <p>Handles the decoded value does not reference are closed when decoding ends; if decoding fails, every handle
 * of the message is closed. Nothing a peer sends can leak.
 *
 * <h2>Thread safety</h2>
 * Not thread-safe: used by the decoding thread only.
 */
public interface DecodeContext {

    /** How many handles travelled with the message. */
    int handleCount();

    /**
     * The kind of the handle at {@code index}, for a serializer that meets a handle index where the declared type
     * says nothing (a field of type {@code Object}) and wants to rebuild it as an opaque handle.
     *
     * @param index the index written by {@link EncodeContext#handleIndex(Object)}
     * @return the kind
     * @throws IpcSerializationException if the index is out of range
     */
    TransportHandle.Kind kind(int index) throws IpcSerializationException;

    /**
     * Returns the handle at {@code index} as the declared type, for example {@code IpcSender<Point>},
     * {@code OpaqueIpcReceiver} or {@code IpcSharedMemory}. The same index asked for twice gives handles that
     * share one OS handle (the same object, if the declared types are equal).
     *
     * @param index the index written by {@link EncodeContext#handleIndex(Object)}
     * @param declaredType an API handle type, possibly parameterized
     * @return the handle, never null
     * @throws IpcSerializationException if the index is out of range, or the handle there is of another kind than
     *     declared (a sender where a receiver was expected, say)
     */
    Object handle(int index, Type declaredType) throws IpcSerializationException;
}
