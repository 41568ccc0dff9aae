package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.SetTestSupport.WAIT_NANOS;
import static ipc.transport.linux.internal.SetTestSupport.receiveText;
import static ipc.transport.linux.internal.SetTestSupport.send;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.SenderEndpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Rendezvous through a one-shot server: connect, accept, the first message, and the name's lifetime. */
@EnabledOnOs(OS.LINUX)
class OneShotServerTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private long fdsBefore;

    @BeforeEach
    void warmUpAndCount() throws Exception {
        try (LinuxOneShotServer server = LinuxOneShotServer.open()) {
            SenderEndpoint sender = LinuxOneShotServer.connect(server.name());
            send(sender, "warm-up");
            try (ReceiverEndpoint receiver = server.accept(WAIT_NANOS)) {
                receiveText(receiver);
            }
            sender.close();
        }
        fdsBefore = OpenFileDescriptors.count();
    }

    @AfterEach
    void noDescriptorLeaks() {
        OpenFileDescriptors.assertCount(fdsBefore, "descriptors after the test");
    }

    @Test
    void connectAcceptAndFirstMessage() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            LinuxOneShotServer server = LinuxOneShotServer.open();
            Path socket = Path.of(server.name());
            assertTrue(Files.isDirectory(socket.getParent()), "the private directory exists while listening");
            assertEquals(PosixFilePermissions.fromString("rwx------"),
                    Files.getPosixFilePermissions(socket.getParent()), "the directory is private (0700)");
            CompletableFuture<ReceiverEndpoint> accepting = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept(-1);
                } catch (IpcException e) {
                    throw new IllegalStateException(e);
                }
            });
            SenderEndpoint sender = LinuxOneShotServer.connect(server.name());
            send(sender, "hello from the child");
            try (ReceiverEndpoint receiver = accepting.get(WAIT_NANOS, TimeUnit.NANOSECONDS)) {
                assertNotNull(receiver, "accepted");
                assertEquals("hello from the child", receiveText(receiver), "first message");
                assertFalse(Files.exists(socket), "socket file removed once accepted");
                assertFalse(Files.exists(socket.getParent()), "directory removed once accepted");
                sender.close();
                assertThrows(IpcDisconnectedException.class, () -> receiver.receive(WAIT_NANOS),
                        "the client's sender closed");
            }
            server.close();
        });
    }

    @Test
    void acceptWithTimeoutReturnsNullWhenNobodyConnects() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (LinuxOneShotServer server = LinuxOneShotServer.open()) {
                assertNull(server.accept(0), "poll: nobody connected");
                long timeout = TimeUnit.MILLISECONDS.toNanos(60);
                long start = System.nanoTime();
                assertNull(server.accept(timeout), "bounded wait: nobody connected");
                long elapsed = System.nanoTime() - start;
                assertTrue(elapsed >= timeout, "accept returned after " + elapsed + " ns, before its timeout");
                SenderEndpoint sender = LinuxOneShotServer.connect(server.name());
                try (ReceiverEndpoint receiver = server.accept(WAIT_NANOS)) {
                    assertNotNull(receiver, "a client that connects later is still accepted");
                }
                sender.close();
            }
        });
    }

    @Test
    void closeFromAnotherThreadWakesABlockedAccept() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            LinuxOneShotServer server = LinuxOneShotServer.open();
            Path directory = Path.of(server.name()).getParent();
            CompletableFuture<ReceiverEndpoint> accepting = CompletableFuture.supplyAsync(() -> {
                try {
                    return server.accept(-1);
                } catch (IpcException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!server.busy() && !accepting.isDone()) {
                Thread.onSpinWait(); // until accept has entered: close must then wake it through the eventfd
            }
            server.close();
            Throwable failure = assertThrows(Exception.class, accepting::join, "accept must end").getCause();
            assertTrue(failure.getCause() instanceof IpcException
                    && failure.getCause().getMessage().contains("is closed"), "accept reports the close: " + failure);
            assertFalse(Files.exists(directory), "nothing left on disk after close");
            IpcException error = assertThrows(IpcException.class, () -> LinuxOneShotServer.connect(server.name()),
                    "the name stops working after close");
            assertTrue(error.getMessage().contains("No one-shot server listens"), error.getMessage());
            assertThrows(IpcException.class, () -> server.accept(0), "accept after close");
        });
    }

    @Test
    void secondConnectFailsAndSecondAcceptFails() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (LinuxOneShotServer server = LinuxOneShotServer.open()) {
                SenderEndpoint first = LinuxOneShotServer.connect(server.name());
                try (ReceiverEndpoint receiver = server.accept(WAIT_NANOS)) {
                    assertNotNull(receiver, "the first client");
                    IpcException error = assertThrows(IpcException.class,
                            () -> LinuxOneShotServer.connect(server.name()), "a second client");
                    assertTrue(error.getMessage().contains("No one-shot server listens"), error.getMessage());
                    IpcException again = assertThrows(IpcException.class, () -> server.accept(0), "second accept");
                    assertTrue(again.getMessage().contains("already accepted"), again.getMessage());
                }
                first.close();
            }
        });
    }
}
