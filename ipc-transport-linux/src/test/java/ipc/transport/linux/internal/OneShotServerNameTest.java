package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.SetTestSupport.WAIT_NANOS;
import static ipc.transport.linux.internal.SetTestSupport.receiveText;
import static ipc.transport.linux.internal.SetTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.SenderEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Names that are not ours, the peer-credential check, a full queue, and nothing left on disk. */
@EnabledOnOs(OS.LINUX)
class OneShotServerNameTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void namesThatAreNotOursFailClearly() {
        String tooLong = "/tmp/" + "d".repeat(100) + "/" + OneShotNames.DIRECTORY_PREFIX + "1/socket";
        for (String name : List.of("inprocess:1234", "socket", "/tmp/other-dir/socket", "/tmp/ipc-channel-1/other",
                "/tmp/ipc-channel-1/../ipc-channel-2/socket", "/tmp/ipc-channel-1/socket\0x")) {
            IpcException error = assertThrows(IpcException.class, () -> LinuxOneShotServer.connect(name), name);
            assertTrue(error.getMessage().contains("not the name of a Linux one-shot server"), error.getMessage());
        }
        IpcException error = assertThrows(IpcException.class, () -> LinuxOneShotServer.connect(tooLong), "long");
        assertTrue(error.getMessage().contains("at most 107 bytes"), error.getMessage());
        IpcException missing = assertThrows(IpcException.class,
                () -> LinuxOneShotServer.connect("/tmp/ipc-channel-does-not-exist/socket"), "nobody there");
        assertTrue(missing.getMessage().contains("No one-shot server listens"), missing.getMessage());
    }

    @Test
    void nameIsTheSocketPathInAPrivateDirectoryUnderTheTempDir() throws Exception {
        try (LinuxOneShotServer server = LinuxOneShotServer.open()) {
            Path name = Path.of(server.name());
            assertEquals(Path.of(System.getProperty("java.io.tmpdir")).toRealPath(),
                    name.getParent().getParent().toRealPath(), "under java.io.tmpdir");
            assertEquals(name, OneShotNames.parse(server.name()), "a name parses as itself");
            assertTrue(Files.exists(name), "socket file exists while listening");
        }
    }

    @Test
    void refusedPeerIsClosedAndAcceptKeepsWaiting() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            AtomicInteger checks = new AtomicInteger();
            int uid = Native.libc().getuid();
            // Refuses the first client (as if it ran as another user), accepts the second of the same uid.
            try (LinuxOneShotServer server = LinuxOneShotServer.open(peerUid -> {
                assertEquals(uid, peerUid, "SO_PEERCRED reports this process's uid");
                return checks.incrementAndGet() > 1;
            }, false)) {
                SenderEndpoint refused = LinuxOneShotServer.connect(server.name());
                SenderEndpoint admitted = LinuxOneShotServer.connect(server.name());
                send(admitted, "admitted");
                try (ReceiverEndpoint receiver = server.accept(SetTestSupport.WAIT_NANOS)) {
                    assertNotNull(receiver, "the second client is accepted");
                    assertEquals(2, checks.get(), "both peers were checked");
                    assertEquals("admitted", receiveText(receiver), "the admitted client's message");
                    assertThrows(IpcDisconnectedException.class, () -> send(refused, "refused"),
                            "a refused client's sends fail as disconnected");
                }
                refused.close();
                admitted.close();
            }
        });
    }

    @Test
    void fullQueueFailsAtOnceInsteadOfBlocking() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<SenderEndpoint> clients = new ArrayList<>();
            try (LinuxOneShotServer server = LinuxOneShotServer.open()) {
                IpcException error = null;
                for (int i = 0; i < LinuxOneShotServer.BACKLOG + 3 && error == null; i++) {
                    try {
                        clients.add(LinuxOneShotServer.connect(server.name()));
                    } catch (IpcException e) {
                        error = e;
                    }
                }
                assertNotNull(error, "a connect beyond the backlog must fail");
                assertTrue(error.getMessage().contains("pending"), error.getMessage());
            } finally {
                clients.forEach(SenderEndpoint::close);
            }
        });
    }

    @Test
    void nothingIsLeftOnDisk() throws Exception {
        try (LinuxOneShotServer warmUp = LinuxOneShotServer.open()) {
            LinuxOneShotServer.connect(warmUp.name()).close();
        }
        long before = OpenFileDescriptors.count();
        List<Path> directories = new ArrayList<>();
        LinuxOneShotServer closedUnused = LinuxOneShotServer.open();
        directories.add(Path.of(closedUnused.name()).getParent());
        closedUnused.close();
        LinuxOneShotServer used = LinuxOneShotServer.open();
        directories.add(Path.of(used.name()).getParent());
        SenderEndpoint sender = LinuxOneShotServer.connect(used.name());
        ReceiverEndpoint receiver = used.accept(WAIT_NANOS);
        assertNotNull(receiver, "accepted");
        LinuxOneShotServer connectedNotAccepted = LinuxOneShotServer.open();
        directories.add(Path.of(connectedNotAccepted.name()).getParent());
        SenderEndpoint orphan = LinuxOneShotServer.connect(connectedNotAccepted.name());
        connectedNotAccepted.close();
        assertThrows(IpcDisconnectedException.class, () -> send(orphan, "never accepted"),
                "a client never accepted sees a disconnect");
        for (Path directory : directories) {
            assertFalse(Files.exists(directory), "left behind: " + directory);
        }
        receiver.close();
        sender.close();
        orphan.close();
        used.close();
        OpenFileDescriptors.assertCount(before, "descriptors");
    }
}
