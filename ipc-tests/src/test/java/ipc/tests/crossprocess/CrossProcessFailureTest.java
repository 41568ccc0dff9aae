package ipc.tests.crossprocess;

import static ipc.tests.crossprocess.Children.accept;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcReceiver;
import ipc.tests.children.Wire;
import ipc.tests.children.Wire.Chunk;
import ipc.tests.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Peers that die: never a hang, never a torn message. */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class CrossProcessFailureTest {

    private static final int CHUNK = 1 << 20;
    private static final Duration NEXT = Duration.ofSeconds(60);

    @Test
    void childKilledMidStreamIsADisconnectAndNoMessageIsTorn() throws Exception {
        try (IpcOneShotServer<Chunk> server = IpcOneShotServer.create(Chunk.class);
                ChildJvm child = Children.start("stream-forever", server.name(), Integer.toString(CHUNK))) {
            IpcOneShotServer.Accepted<Chunk> accepted = accept(server, child);
            try (IpcReceiver<Chunk> stream = accepted.receiver()) {
                long expected = 0;
                assertChunk(accepted.message(), expected++);
                for (int i = 0; i < 3; i++) {
                    assertChunk(stream.tryRecv(NEXT).orElseThrow(() -> new AssertionError(child.output())),
                            expected++);
                }
                child.kill();
                // Everything the child sent before it died arrives whole and in order, then the disconnect.
                while (true) {
                    Optional<Chunk> next;
                    try {
                        next = stream.tryRecv(NEXT);
                    } catch (IpcDisconnectedException disconnected) {
                        break;
                    }
                    assertTrue(next.isPresent(), "a killed peer must be reported as a disconnect, not a silence");
                    assertChunk(next.get(), expected++);
                }
                assertThrows(IpcDisconnectedException.class, () -> stream.tryRecv(Duration.ZERO),
                        "the disconnect is final");
            }
        }
    }

    private static void assertChunk(Chunk chunk, long expectedSequence) {
        assertEquals(expectedSequence, chunk.sequence(), "chunks arrive in order, none lost");
        assertArrayEquals(Wire.chunkData(expectedSequence, CHUNK), chunk.data(),
                "chunk " + expectedSequence + " arrived whole");
    }

    @Test
    void childThatNeverConnectsDoesNotHangTheParent() throws Exception {
        Path name;
        try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class);
                ChildJvm child = Children.start("exit", server.name())) {
            name = Path.of(server.name());
            assertEquals(Optional.of(0), child.waitFor(Children.EXIT_SECONDS), child::output);
            assertEquals(Optional.empty(), server.tryAccept(Duration.ofMillis(200)),
                    "nobody connected: tryAccept returns empty instead of blocking");
        }
        assertTrue(Files.notExists(name), "the server's socket is gone once it is closed: " + name);
        assertTrue(Files.notExists(name.getParent()), "and so is its private directory");
    }

    @Test
    void childKilledBeforeConnectingDoesNotHangTheParent() throws Exception {
        try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class);
                ChildJvm child = Children.start("stream-forever", "/nonexistent/never", "1")) {
            child.kill();
            assertEquals(Optional.empty(), server.tryAccept(Duration.ofMillis(200)),
                    "a dead child is just a child that never connects");
        }
    }
}
