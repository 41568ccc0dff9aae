package ipc.tests.children;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcSender;
import ipc.tests.children.Wire.Transfer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * The child of the peer-credential tests, meant to run under another uid: {@code PeerChild <scenario> <server>}.
 * <ul>
 *   <li>{@code expect-refused}: connects and sends until the server's refusal shows (the connect or a send fails);
 *       prints {@code REFUSED at connect: <exception>} or {@code REFUSED at send <n>: <exception>} and exits 0;
 *       exits 2 if no refusal came within a minute.</li>
 *   <li>{@code echo}: connects with {@link Transfer}, sends {@code "uid <its uid>"} with a reply sender, and
 *       sends back {@code "echo <reply>"}.</li>
 * </ul>
 * Any other failure prints its stack trace and exits 1; a watchdog ends the JVM after two minutes.
 */
public final class PeerChild {

    private static final Duration REFUSAL = Duration.ofSeconds(60);
    private static final long RETRY_MILLIS = 50;

    private PeerChild() {}

    /**
     * Runs one scenario.
     *
     * @param args the scenario name and the server's name
     */
    public static void main(String[] args) {
        Watchdog.start();
        try {
            switch (args[0]) {
                case "expect-refused" -> System.exit(expectRefused(args[1]));
                case "echo" -> echo(args[1]);
                default -> throw new IllegalArgumentException("unknown scenario " + args[0]);
            }
            System.exit(0);
        } catch (Throwable e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    private static int expectRefused(String server) throws Exception {
        IpcSender<String> sender;
        try {
            sender = IpcSender.connect(server, String.class);
        } catch (IpcException e) {
            System.out.println("REFUSED at connect: " + e);
            return 0;
        }
        System.out.println("connected at the socket level");
        // The server refuses when it accepts, which is asynchronous to us: a send fails once it closed our end.
        long deadline = System.nanoTime() + REFUSAL.toNanos();
        try (sender) {
            for (int attempt = 1; System.nanoTime() - deadline < 0; attempt++) {
                try {
                    sender.send("attempt " + attempt);
                } catch (IpcException e) {
                    System.out.println("REFUSED at send " + attempt + ": " + e);
                    return 0;
                }
                TimeUnit.MILLISECONDS.sleep(RETRY_MILLIS);
            }
        }
        System.out.println("NOT REFUSED within " + REFUSAL);
        return 2;
    }

    private static void echo(String server) throws Exception {
        try (IpcSender<Transfer> toParent = IpcSender.connect(server, Transfer.class);
                IpcChannel<String> replies = Ipc.channel(String.class)) {
            toParent.send(new Transfer("uid " + uid(), replies.sender()));
            String reply = replies.receiver().tryRecv(REFUSAL)
                    .orElseThrow(() -> new AssertionError("no reply from the parent within " + REFUSAL));
            toParent.send(new Transfer("echo " + reply, null));
        }
    }

    /** This process's real uid, from {@code /proc/self/status}. */
    static int uid() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return Integer.parseInt(line.substring("Uid:".length()).trim().split("\\s+")[0]);
            }
        }
        throw new IllegalStateException("no Uid line in /proc/self/status");
    }
}
