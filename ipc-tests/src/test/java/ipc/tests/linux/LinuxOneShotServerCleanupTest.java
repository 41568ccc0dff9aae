package ipc.tests.linux;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcException;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcSender;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** A one-shot server that is forgotten without close() still removes its socket and directory. */
@EnabledOnOs(OS.LINUX)
class LinuxOneShotServerCleanupTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Test
    void forgottenServerIsRemovedByTheCleaner() throws Exception {
        Path socket = openCheckAndForget();
        // Polling is the only way to observe a Cleaner: collect until the file goes, bounded by PATIENCE.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (Files.exists(socket) && System.nanoTime() < deadline) {
            System.gc();
            Thread.sleep(20);
        }
        assertTrue(Files.notExists(socket), "the Cleaner removed the forgotten server's socket " + socket);
        assertTrue(Files.notExists(socket.getParent()), "and its private directory");
        assertThrows(IpcException.class, () -> IpcSender.connect(socket.toString(), String.class),
                "the name of a cleaned server no longer works");
    }

    /** Opens a server, checks its socket while it is certainly reachable, and drops the last reference. */
    private static Path openCheckAndForget() throws IpcException {
        IpcOneShotServer<String> server = IpcOneShotServer.create(String.class);
        Path socket = Path.of(server.name());
        assertTrue(Files.exists(socket), "the socket exists while the server is reachable");
        Reference.reachabilityFence(server); // else a collection could clean it before the check above
        return socket;
    }
}
