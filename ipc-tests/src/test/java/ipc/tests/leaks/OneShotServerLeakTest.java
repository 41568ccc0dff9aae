package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.AT_ONCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.tests.contract.AllHandlesFixture;
import ipc.tests.messages.AllHandles;
import ipc.tests.support.LeakCheck;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * One-shot servers closed unused, accepted, timed out, and failed by their client, and connections to closed
 * ones: no descriptor left, and each server's private directory under {@code java.io.tmpdir} removed.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OneShotServerLeakTest {

    private static final int ROUNDS = 100;
    private static final int WARM_UPS = 20;

    @Test
    void createdAndClosed() throws Exception {
        LeakCheck.assertNoGrowth("one-shot servers created and closed", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            Path name;
            try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class)) {
                name = Path.of(server.name());
                assertTrue(Files.exists(name), "the socket exists while the server waits");
            }
            assertGone(name);
            assertThrows(IpcException.class, () -> IpcSender.connect(name.toString(), String.class),
                    "connecting to a closed server fails");
        });
    }

    @Test
    void accepted() throws Exception {
        LeakCheck.assertNoGrowth("one-shot servers accepted", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            Path name;
            try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class)) {
                name = Path.of(server.name());
                try (IpcSender<String> client = IpcSender.connect(server.name(), String.class)) {
                    client.send("hello " + i);
                    IpcOneShotServer.Accepted<String> accepted = server.tryAccept(Leaks.WAIT)
                            .orElseThrow(() -> new AssertionError("not accepted within " + Leaks.WAIT));
                    try (var receiver = accepted.receiver()) {
                        assertEquals("hello " + i, accepted.message());
                        assertGone(name); // removed at accept, before close
                        client.send("second");
                        assertEquals("second", Leaks.recv(receiver));
                    }
                }
            }
            assertGone(name);
        });
    }

    @Test
    void timedOut() throws Exception {
        LeakCheck.assertNoGrowth("one-shot servers whose tryAccept timed out", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            Path name;
            try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class)) {
                name = Path.of(server.name());
                assertEquals(Optional.empty(), server.tryAccept(Duration.ofMillis(1)), "nobody connects");
                assertEquals(Optional.empty(), server.tryAccept(Duration.ZERO), "still nobody");
            }
            assertGone(name);
        });
    }

    @Test
    void clientsThatFailTheFirstMessage() throws Exception {
        LeakCheck.assertNoGrowth("one-shot clients that close early, send garbage, or send nothing in time",
                WARM_UPS, ROUNDS, AT_ONCE, i -> {
                    try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class)) {
                        Path name = Path.of(server.name());
                        switch (i % 3) {
                            case 0 -> {
                                IpcSender.connect(server.name(), String.class).close();
                                assertThrows(IpcDisconnectedException.class, () -> server.tryAccept(Leaks.WAIT),
                                        "the client closed before its first message");
                            }
                            case 1 -> {
                                try (AllHandlesFixture source = new AllHandlesFixture();
                                        IpcSender<AllHandles> client = IpcSender.connect(server.name(),
                                                AllHandles.class)) {
                                    client.send(source.handles());
                                    assertThrows(IpcSerializationException.class,
                                            () -> server.tryAccept(Leaks.WAIT), "handles where a String was due");
                                }
                            }
                            default -> {
                                try (IpcSender<String> client = IpcSender.connect(server.name(), String.class)) {
                                    assertEquals(Optional.empty(), server.tryAccept(Duration.ofMillis(1)),
                                            "connected, but no first message yet");
                                }
                            }
                        }
                        assertGone(name);
                    }
                });
    }

    private static void assertGone(Path name) {
        assertTrue(Files.notExists(name), "the socket is removed: " + name);
        assertTrue(Files.notExists(name.getParent()), "and so is its private directory: " + name.getParent());
    }
}
