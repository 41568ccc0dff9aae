package ipc.api;

import ipc.api.spi.IpcSerializer;
import java.io.UncheckedIOException;

/**
 * A sender whose message type is not known statically: Rust's {@code OpaqueIpcSender}. Typed views made with
 * {@link #to(Class)} share its OS handle: closing any of them closes all.
 *
 * <h2>Thread safety</h2>
 * Thread-safe.
 */
public final class OpaqueIpcSender extends AbstractHandle {

    private final IpcSerializer serializer;

    OpaqueIpcSender(HandleCore core, IpcSerializer serializer) {
        super(core);
        this.serializer = serializer;
    }

    /**
     * A typed view, using the serializer of the handle this one came from (the default serializer if none).
     *
     * @param type the message type
     * @param <T> the message type
     * @return a sender sharing this OS handle
     * @throws UncheckedIOException wrapping an {@link IpcException} if no default serializer can be chosen
     */
    public <T> IpcSender<T> to(Class<T> type) {
        return to(TypeRef.of(type));
    }

    /**
     * A typed view for a generic message type.
     *
     * @param type the message type
     * @param <T> the message type
     * @return a sender sharing this OS handle
     * @throws UncheckedIOException wrapping an {@link IpcException} if no default serializer can be chosen
     */
    public <T> IpcSender<T> to(TypeRef<T> type) {
        return to(type, serializerOrDefault(serializer));
    }

    /**
     * A typed view with an explicit serializer.
     *
     * @param type the message type
     * @param serializer the serializer
     * @param <T> the message type
     * @return a sender sharing this OS handle
     */
    public <T> IpcSender<T> to(TypeRef<T> type, IpcSerializer serializer) {
        return new IpcSender<>(core, Binding.lazy(type, serializer));
    }

    /** A bytes view sharing this OS handle. */
    public IpcBytesSender toBytes() {
        return new IpcBytesSender(core);
    }

    static IpcSerializer serializerOrDefault(IpcSerializer serializer) {
        if (serializer != null) {
            return serializer;
        }
        try {
            return IpcRuntime.defaultSerializer();
        } catch (IpcException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return "OpaqueIpcSender" + (isOpen() ? "" : " (closed)");
    }
}
