package ipc.tests.children;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;

/**
 * The child JVM of the leak tests: {@code LeakChild <server name> <payload size>} connects to the server and
 * streams {@link Load} messages until it is killed, each with a payload of the given size (above the inline limit,
 * so that it travels in a memfd) and three handles. The parent kills it with SIGKILL in the middle of the stream
 * and checks that its own descriptors and mappings return to what they were. A watchdog ends it with status 3
 * after two minutes, so a parent that fails to kill it never leaves it behind.
 */
public final class LeakChild {

    /**
     * One message of the stream.
     *
     * @param sequence its number, from 0
     * @param data the payload, {@link Wire#chunkData(long, int)} of the sequence number
     * @param sender the sender of a channel created for this message
     * @param receiver the receiver of that same channel
     * @param memory a small shared-memory region filled with the low byte of the sequence number
     */
    public record Load(long sequence, byte[] data, IpcSender<String> sender, IpcReceiver<String> receiver,
            IpcSharedMemory memory) {}

    private LeakChild() {}

    /**
     * Streams until killed.
     *
     * @param args the server name and the payload size
     */
    public static void main(String[] args) {
        Watchdog.start();
        try {
            stream(args[0], Integer.parseInt(args[1]));
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static void stream(String server, int size) throws Exception {
        try (IpcSender<Load> tx = IpcSender.connect(server, Load.class)) {
            for (long sequence = 0; ; sequence++) {
                try (IpcChannel<String> channel = Ipc.channel(String.class);
                        IpcSharedMemory memory = IpcSharedMemory.fromByte((byte) sequence, 4096)) {
                    tx.send(new Load(sequence, Wire.chunkData(sequence, size), channel.sender(), channel.receiver(),
                            memory));
                }
            }
        }
    }
}
