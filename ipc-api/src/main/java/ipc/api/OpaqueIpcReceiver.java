package ipc.api;

import ipc.api.spi.IpcSerializer;
import java.io.UncheckedIOException;

/**
 * A receiver whose message type is not known statically: Rust's {@code OpaqueIpcReceiver}. This is what
 * {@link IpcReceiverSet} and {@link IpcRouter} work with. Typed views made with {@link #to(Class)} share its OS
 * handle: closing any of them closes all.
 *
 * <h2>Thread safety</h2>
 * Thread-safe.
 */
public final class OpaqueIpcReceiver extends AbstractHandle {

    private final IpcSerializer serializer;

    OpaqueIpcReceiver(HandleCore core, IpcSerializer serializer) {
        super(core);
        this.serializer = serializer;
    }

    /**
     * A typed view, using the serializer of the handle this one came from (the default serializer if none).
     *
     * @param type the message type
     * @param <T> the message type
     * @return a receiver sharing this OS handle
     * @throws UncheckedIOException wrapping an {@link IpcException} if no default serializer can be chosen
     */
    public <T> IpcReceiver<T> to(Class<T> type) {
        return to(TypeRef.of(type));
    }

    /**
     * A typed view for a generic message type.
     *
     * @param type the message type
     * @param <T> the message type
     * @return a receiver sharing this OS handle
     * @throws UncheckedIOException wrapping an {@link IpcException} if no default serializer can be chosen
     */
    public <T> IpcReceiver<T> to(TypeRef<T> type) {
        return to(type, OpaqueIpcSender.serializerOrDefault(serializer));
    }

    /**
     * A typed view with an explicit serializer.
     *
     * @param type the message type
     * @param serializer the serializer
     * @param <T> the message type
     * @return a receiver sharing this OS handle
     */
    public <T> IpcReceiver<T> to(TypeRef<T> type, IpcSerializer serializer) {
        return new IpcReceiver<>(core, Binding.lazy(type, serializer));
    }

    /** A bytes view sharing this OS handle. */
    public IpcBytesReceiver toBytes() {
        return new IpcBytesReceiver(core);
    }

    /** The serializer messages from this receiver are decoded with by default; null means the default one. */
    IpcSerializer serializer() {
        return serializer;
    }

    @Override
    public String toString() {
        return "OpaqueIpcReceiver" + (isOpen() ? "" : " (closed)");
    }
}
