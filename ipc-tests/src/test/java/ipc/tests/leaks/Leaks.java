package ipc.tests.leaks;

import ipc.api.IpcBytesReceiver;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.tests.messages.AllHandles;
import java.time.Duration;

/** Bounded waits and closing shared by the leak tests. */
final class Leaks {

    /** The bound of every wait for a message; generous for a loaded CI machine, never reached when all is well. */
    static final Duration WAIT = Duration.ofSeconds(30);

    private Leaks() {}

    static <T> T recv(IpcReceiver<T> receiver) throws IpcException {
        return receiver.tryRecv(WAIT).orElseThrow(() -> new AssertionError("no message within " + WAIT));
    }

    static byte[] recv(IpcBytesReceiver receiver) throws IpcException {
        return receiver.tryRecv(WAIT).orElseThrow(() -> new AssertionError("no message within " + WAIT));
    }

    /** Closes the seven handles of a received message. */
    static void closeAll(AllHandles handles) {
        handles.sender().close();
        handles.receiver().close();
        handles.bytesSender().close();
        handles.bytesReceiver().close();
        handles.opaqueSender().close();
        handles.opaqueReceiver().close();
        handles.memory().close();
    }
}
