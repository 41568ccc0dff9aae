package ipc.api.spi;

import ipc.api.IpcSerializationException;
import java.nio.ByteBuffer;

/**
 * Encodes and decodes values of one declared type.
 *
 * <h2>Thread safety</h2>
 * Implementations must be thread-safe.
 *
 * @param <T> the declared type
 */
public interface MessageCodec<T> {

    /**
     * Writes {@code value} to {@link EncodeContext#output()}, replacing every API handle met (see
     * {@link HandleTypes}) with the index {@link EncodeContext#handleIndex(Object)} returns.
     *
     * @param value the value, never null
     * @param context where to write, and the handle table
     * @throws IpcSerializationException if the value cannot be written
     */
    void encode(T value, EncodeContext context) throws IpcSerializationException;

    /**
     * Reads one value from the bytes between {@code data}'s position and limit (the whole message payload),
     * obtaining handles through {@link DecodeContext#handle(int, java.lang.reflect.Type)}.
     *
     * @param data the payload; the codec may read it but must neither modify it nor keep it after returning
     * @param context the handle table of the message
     * @return the value
     * @throws IpcSerializationException if the bytes are not a valid encoding of the declared type; the message
     *     says what was expected and what was found. Any other exception is wrapped into one by the caller.
     */
    T decode(ByteBuffer data, DecodeContext context) throws IpcSerializationException;
}
