package ipc.serde.protobuf;

import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;

/** What {@link IpcHandles} says about, and does to, a handle object of any of the API's handle types. */
final class HandleKinds {

    private HandleKinds() {}

    static String describe(Object handle) {
        if (handle instanceof IpcSender<?> || handle instanceof IpcBytesSender || handle instanceof OpaqueIpcSender) {
            return "channel sender (" + handle.getClass().getSimpleName() + ")";
        }
        if (handle instanceof IpcReceiver<?> || handle instanceof IpcBytesReceiver
                || handle instanceof OpaqueIpcReceiver) {
            return "channel receiver (" + handle.getClass().getSimpleName() + ")";
        }
        return "shared-memory region (" + handle.getClass().getSimpleName() + ")";
    }

    /** Closes {@code handle}; every handle type's {@code close()} is idempotent and throws nothing. */
    static void close(Object handle) {
        if (handle instanceof IpcSender<?> h) {
            h.close();
        } else if (handle instanceof IpcReceiver<?> h) {
            h.close();
        } else if (handle instanceof IpcBytesSender h) {
            h.close();
        } else if (handle instanceof IpcBytesReceiver h) {
            h.close();
        } else if (handle instanceof OpaqueIpcSender h) {
            h.close();
        } else if (handle instanceof OpaqueIpcReceiver h) {
            h.close();
        } else if (handle instanceof IpcSharedMemory h) {
            h.close();
        }
    }
}
