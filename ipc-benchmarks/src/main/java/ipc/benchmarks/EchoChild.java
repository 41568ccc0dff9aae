package ipc.benchmarks;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcSender;

/**
 * The child JVM of {@link RoundTripProcesses}: connects to the one-shot server named by its argument, hands over a
 * request sender and a reply receiver, and echoes every request until the parent closes its request sender.
 *
 * <h2>Thread safety</h2>
 * A program with one thread.
 */
public final class EchoChild {

    private EchoChild() {}

    /**
     * Runs the echo.
     *
     * @param args the one-shot server's name
     * @throws IpcException if the parent cannot be reached
     */
    public static void main(String[] args) throws IpcException {
        IpcBytesChannel requests = Ipc.bytesChannel();
        IpcBytesChannel replies = Ipc.bytesChannel();
        try (IpcSender<Messages.EchoEnds> parent =
                IpcSender.connect(args[0], Messages.EchoEnds.class, Ipc.serializer(RoundTripProcesses.SERIALIZER))) {
            parent.send(new Messages.EchoEnds(requests.sender(), replies.receiver()));
        }
        requests.sender().close();
        replies.receiver().close();
        try {
            while (true) {
                replies.sender().send(requests.receiver().recv());
            }
        } catch (IpcDisconnectedException parentDone) {
            // the parent closed its request sender
        } finally {
            requests.receiver().close();
            replies.sender().close();
        }
    }
}
