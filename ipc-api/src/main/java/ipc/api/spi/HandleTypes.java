package ipc.api.spi;

import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import java.util.Set;

/**
 * The API types a serializer must treat as handles: it writes them as an index into the message's handle table
 * instead of serializing their fields.
 *
 * <h2>Thread safety</h2>
 * Stateless and thread-safe.
 */
public final class HandleTypes {

    private static final Set<Class<?>> TYPES = Set.of(
            IpcSender.class, IpcReceiver.class, IpcBytesSender.class, IpcBytesReceiver.class,
            OpaqueIpcSender.class, OpaqueIpcReceiver.class, IpcSharedMemory.class);

    private HandleTypes() {}

    /** The seven handle classes; all are final. */
    public static Set<Class<?>> handleTypes() {
        return TYPES;
    }

    /**
     * Whether {@code type} is one of the handle classes.
     *
     * @param type any class
     * @return true for a handle class
     */
    public static boolean isHandleType(Class<?> type) {
        return TYPES.contains(type);
    }
}
