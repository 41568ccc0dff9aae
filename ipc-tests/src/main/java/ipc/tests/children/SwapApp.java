package ipc.tests.children;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.spi.IpcSerializer;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The "same application code" of the serializer-swapping tests: sends a {@code String} and a {@code byte[]} through
 * channels of those types and prints which serializer carried them, as
 * {@code SWAP OK <serializer> <module of the serializer class, or unnamed>} or {@code SWAP FAILED <message>}. With
 * no argument it uses the default serializer ({@code Ipc.channel(type)}); with {@code explicit <name>} it passes
 * {@code Ipc.serializer(name)} to {@code Ipc.channel(type, serializer)}. Exits 0 either way, 1 on a wrong round
 * trip.
 */
public final class SwapApp {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final String TEXT = "héllo, ipc ✓";
    private static final byte[] BYTES = {0, 1, -1, 127, -128, 42};

    private SwapApp() {}

    /**
     * Runs the application.
     *
     * @param args nothing, or {@code explicit <name>}
     * @throws IpcException if a channel fails after it was created
     */
    public static void main(String[] args) throws IpcException {
        boolean explicit = args.length == 2 && args[0].equals("explicit");
        IpcSerializer serializer;
        IpcChannel<String> strings;
        IpcChannel<byte[]> bytes;
        try {
            serializer = explicit ? Ipc.serializer(args[1]) : Ipc.defaultSerializer();
            strings = explicit ? Ipc.channel(String.class, serializer) : Ipc.channel(String.class);
            bytes = explicit ? Ipc.channel(byte[].class, serializer) : Ipc.channel(byte[].class);
        } catch (IpcException e) {
            System.out.println("SWAP FAILED " + e.getMessage());
            return;
        }
        try (strings; bytes) {
            strings.sender().send(TEXT);
            bytes.sender().send(BYTES);
            Optional<String> text = strings.receiver().tryRecv(TIMEOUT);
            Optional<byte[]> raw = bytes.receiver().tryRecv(TIMEOUT);
            if (!text.equals(Optional.of(TEXT)) || raw.isEmpty() || !Arrays.equals(raw.get(), BYTES)) {
                System.out.println("SWAP WRONG " + text + " " + raw.map(Arrays::toString));
                System.exit(1);
            }
        }
        String module = serializer.getClass().getModule().isNamed() ? serializer.getClass().getModule().getName()
                : "unnamed";
        System.out.println("SWAP OK " + serializer.name() + " " + module);
    }
}
