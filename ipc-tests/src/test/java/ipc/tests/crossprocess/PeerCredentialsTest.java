package ipc.tests.crossprocess;

import static ipc.tests.crossprocess.Children.accept;
import static ipc.tests.crossprocess.Children.assertExitsCleanly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ipc.api.IpcOneShotServer;
import ipc.api.IpcPeerPolicy;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.tests.children.PeerChild;
import ipc.tests.children.Wire.Transfer;
import ipc.tests.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Who may connect to a one-shot server, tried by a child JVM that really runs as another uid ({@code nobody},
 * through {@code setpriv}; skipped where this JVM cannot switch uid).
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 4, unit = java.util.concurrent.TimeUnit.MINUTES)
class PeerCredentialsTest {

    private static final int NOBODY = 65534;
    private static final int SOME_OTHER_UID = 12345;
    private static final Duration SHORT = Duration.ofMillis(300);
    private static final Duration REFUSAL = Duration.ofSeconds(90);

    @BeforeEach
    void needsACrossProcessTransport() {
        assumeFalse("inprocess".equals(System.getProperty("ipc.transport")),
                "needs a transport that crosses processes");
    }

    @Test
    void aDefaultServersSocketIsOutOfReachOfOtherUsers() throws Exception {
        assumeCanRunAsNobody();
        try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class)) {
            try (ChildJvm stranger = asNobody("expect-refused", server.name())) {
                assertExitsCleanly(stranger);
                String output = stranger.output();
                assertTrue(output.contains("REFUSED at connect: ipc.api.Ipc"),
                        "the other uid's connect fails with an IpcException; child output:\n" + output);
                assertTrue(output.contains("error(13)") || output.contains("Permission denied")
                        || output.contains("EACCES"), "with EACCES (it cannot reach the socket); child output:\n"
                        + output);
            }
            assertEquals(Optional.empty(), server.tryAccept(SHORT), "nobody reached the server");
            assertAcceptsSameUser(server);
        }
    }

    @Test
    void aUidThePolicyDoesNotAllowIsRefusedAtAcceptAndTheServerGoesOnWaiting() throws Exception {
        assumeCanRunAsNobody();
        try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class,
                IpcPeerPolicy.users(SOME_OTHER_UID));
                ChildJvm stranger = asNobody("expect-refused", server.name())) {
            long deadline = System.nanoTime() + REFUSAL.toNanos();
            while (stranger.isAlive() && System.nanoTime() - deadline < 0) {
                Optional<IpcOneShotServer.Accepted<String>> accepted = server.tryAccept(SHORT);
                if (accepted.isPresent()) {
                    accepted.get().receiver().close();
                    fail("uid " + NOBODY + " is not in the policy but was accepted, with message '"
                            + accepted.get().message() + "'; child output:\n" + stranger.output());
                }
            }
            assertExitsCleanly(stranger);
            String output = stranger.output();
            assertTrue(output.contains("REFUSED at "), "the refused child sees an IpcException; its output:\n"
                    + output);
            assertFalse(output.contains("Permission denied") || output.contains("error(13)"),
                    "the socket is reachable when the policy admits other uids: the refusal must come from the "
                    + "server's credential check, not from file permissions; child output:\n" + output);
            assertEquals(Optional.empty(), server.tryAccept(SHORT), "the refused peer was not queued as a client");
            assertAcceptsSameUser(server);
        }
    }

    @Test
    void aUidThePolicyAllowsIsAcceptedAndMessagesRoundTrip() throws Exception {
        assumeCanRunAsNobody();
        try (IpcOneShotServer<Transfer> server = IpcOneShotServer.create(Transfer.class,
                IpcPeerPolicy.users(NOBODY));
                ChildJvm child = asNobody("echo", server.name())) {
            IpcOneShotServer.Accepted<Transfer> accepted = accept(server, child);
            assertEquals("uid " + NOBODY, accepted.message().text(), "the child runs as the other uid");
            try (IpcReceiver<Transfer> fromChild = accepted.receiver();
                    IpcSender<String> toChild = accepted.message().replyTo()) {
                toChild.send("pong");
                Transfer echo = fromChild.tryRecv(Children.CONNECT)
                        .orElseThrow(() -> new AssertionError("no echo; child output:\n" + child.output()));
                assertEquals("echo pong", echo.text(), "the reply went through the sender the child sent");
            }
            assertExitsCleanly(child);
        }
    }

    @Test
    void theSocketDirectoryIsPrivateUnlessThePolicyAdmitsOtherUsers() throws Exception {
        try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class)) {
            assertEquals("rwx------", mode(Path.of(server.name()).getParent()),
                    "sameUser(), the default: the directory holding the socket is 0700");
        }
        try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class, IpcPeerPolicy.sameUser())) {
            assertEquals("rwx------", mode(Path.of(server.name()).getParent()), "sameUser() given explicitly");
        }
        for (IpcPeerPolicy open : new IpcPeerPolicy[] {IpcPeerPolicy.users(SOME_OTHER_UID),
                IpcPeerPolicy.anyUser()}) {
            try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class, open)) {
                Path socket = Path.of(server.name());
                assertEquals("rwx--x--x", mode(socket.getParent()), open + ": others may traverse, not list");
                assertEquals("rw-rw-rw-", mode(socket), open + ": others may connect to the socket");
            }
        }
    }

    @Test
    void policiesAllowTheServersOwnUidAndTheListedOnes() throws Exception {
        int own = ownUid();
        assumeTrue(own != NOBODY && own != SOME_OTHER_UID, "runs as uid " + own + ", one of the uids under test");
        assertTrue(IpcPeerPolicy.sameUser().allows(own, own), "sameUser allows the own uid");
        assertFalse(IpcPeerPolicy.sameUser().allows(NOBODY, own), "sameUser allows no other uid");
        assertFalse(IpcPeerPolicy.sameUser().admitsOtherUsers(), "so its socket stays private");
        IpcPeerPolicy listed = IpcPeerPolicy.users(SOME_OTHER_UID);
        assertTrue(listed.allows(own, own) && listed.allows(SOME_OTHER_UID, own),
                "users(..) allows the own uid and those listed");
        assertFalse(listed.allows(NOBODY, own), "users(..) allows no uid it does not list");
        assertTrue(listed.admitsOtherUsers(), "users(..) with a uid admits other users");
        assertTrue(IpcPeerPolicy.anyUser().allows(NOBODY, own) && IpcPeerPolicy.anyUser().allows(own, own),
                "anyUser allows every uid");
    }

    private static void assertAcceptsSameUser(IpcOneShotServer<String> server) throws Exception {
        try (ChildJvm friend = Children.start("hello", server.name())) {
            IpcOneShotServer.Accepted<String> accepted = accept(server, friend);
            accepted.receiver().close();
            assertEquals("1234567", accepted.message(), "a child of the server's own uid is accepted afterwards");
            assertExitsCleanly(friend);
        }
    }

    private static ChildJvm asNobody(String scenario, String server) throws Exception {
        return ChildJvm.builder(PeerChild.class).runAs(NOBODY, NOBODY).start(scenario, server);
    }

    private static void assumeCanRunAsNobody() {
        Optional<String> why = ChildJvm.whyCannotRunAs(NOBODY, NOBODY);
        assumeTrue(why.isEmpty(), () -> "needs a child JVM as uid " + NOBODY + ": " + why.orElseThrow());
    }

    private static String mode(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    /** This process's effective uid, the one a one-shot server compares with. */
    private static int ownUid() throws Exception {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("Uid:")) {
                return Integer.parseInt(line.substring("Uid:".length()).trim().split("\\s+")[1]); // effective
            }
        }
        throw new IllegalStateException("no Uid line in /proc/self/status");
    }
}
