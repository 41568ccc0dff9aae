package ipc.tests.messages;

import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;

/**
 * One handle of each of the seven handle types, in record fields.
 *
 * @param sender a typed sender
 * @param receiver a typed receiver
 * @param bytesSender a bytes sender
 * @param bytesReceiver a bytes receiver
 * @param opaqueSender an untyped sender
 * @param opaqueReceiver an untyped receiver
 * @param memory a shared-memory region
 */
public record AllHandles(
        IpcSender<String> sender,
        IpcReceiver<String> receiver,
        IpcBytesSender bytesSender,
        IpcBytesReceiver bytesReceiver,
        OpaqueIpcSender opaqueSender,
        OpaqueIpcReceiver opaqueReceiver,
        IpcSharedMemory memory) {}
