package ipc.tests.serde;

import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import java.util.Arrays;
import java.util.List;

/**
 * One handle of each of the seven handle types, plus a second occurrence of the typed sender: what a
 * {@link HandleCarrier} embeds into a message and extracts from it.
 *
 * @param sender a typed sender of {@code String}
 * @param senderAgain the same sender reached a second time (on the sending side the same object as {@code sender})
 * @param receiver a typed receiver of {@code String}
 * @param bytesSender a bytes sender
 * @param bytesReceiver a bytes receiver
 * @param opaqueSender an untyped sender
 * @param opaqueReceiver an untyped receiver
 * @param memory a shared-memory region
 */
public record HandleSet(
        IpcSender<String> sender,
        IpcSender<String> senderAgain,
        IpcReceiver<String> receiver,
        IpcBytesSender bytesSender,
        IpcBytesReceiver bytesReceiver,
        OpaqueIpcSender opaqueSender,
        OpaqueIpcReceiver opaqueReceiver,
        IpcSharedMemory memory) {

    /** The eight handles (null where a carrier lost one), for closing them all. */
    public List<AutoCloseable> all() {
        return Arrays.asList(sender, senderAgain, receiver, bytesSender, bytesReceiver, opaqueSender, opaqueReceiver,
                memory);
    }
}
