package ipc.tests.contract;

import static ipc.tests.contract.Contracts.QUIET;
import static ipc.tests.contract.Contracts.TIMEOUT;
import static ipc.tests.contract.Contracts.assertDisconnected;
import static ipc.tests.contract.Contracts.receive;
import static ipc.tests.contract.Contracts.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcSender;
import ipc.tests.messages.Person;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** {@link IpcOneShotServer} within one JVM: connect, accept, and the one-client rule. */
public abstract class OneShotServerContract {

    private static final Person ADA = new Person("Ada Lovelace", 36);

    @Test
    public void connectAndAccept() throws Exception {
        try (IpcOneShotServer<Person> server = IpcOneShotServer.create(Person.class)) {
            assertFalse(server.name().isBlank(), "the server has a name to hand to a client");
            BlockedCall accept = BlockedCall.start("accept", server::accept);
            IpcSender<Person> client = IpcSender.connect(server.name(), Person.class);
            client.send(Person.PATRICK);
            client.send(ADA);
            IpcOneShotServer.Accepted<?> accepted = assertInstanceOf(IpcOneShotServer.Accepted.class,
                    accept.result(), "accept returns the client's channel");
            assertEquals(Person.PATRICK, accepted.message(), "the client's first message");
            assertEquals(ADA, receive(accepted.receiver(), "the second message"), "further messages follow");
            client.close();
            assertDisconnected(accepted.receiver(), "the client's sender closed");
            accepted.receiver().close();
        }
    }

    @Test
    public void tryAcceptIsEmptyWhenNobodyConnects() throws Exception {
        try (IpcOneShotServer<Person> server = IpcOneShotServer.create(Person.class)) {
            long start = System.nanoTime();
            assertEquals(Optional.empty(), server.tryAccept(QUIET), "nobody connected");
            assertTrue(System.nanoTime() - start >= QUIET.toNanos() / 2, "tryAccept waited for about the timeout");
            try (IpcSender<Person> client = IpcSender.connect(server.name(), Person.class)) {
                assertEquals(Optional.empty(), server.tryAccept(QUIET), "connected, but no first message yet");
                client.send(ADA);
                IpcOneShotServer.Accepted<Person> accepted = server.tryAccept(TIMEOUT)
                        .orElseThrow(() -> new AssertionError("the first message arrived within " + TIMEOUT));
                assertEquals(ADA, accepted.message(), "a later tryAccept goes on waiting for the first message");
                accepted.receiver().close();
            }
        }
    }

    @Test
    public void acceptsExactlyOneClient() throws Exception {
        IpcOneShotServer<Person> server = IpcOneShotServer.create(Person.class);
        try (IpcSender<Person> client = IpcSender.connect(server.name(), Person.class)) {
            client.send(ADA);
            IpcOneShotServer.Accepted<Person> accepted = within("accept", server::accept);
            assertThrows(IpcException.class, () -> IpcSender.connect(server.name(), Person.class),
                    "the name stops working once a client is accepted");
            assertThrows(IpcException.class, () -> server.tryAccept(QUIET), "a second accept fails");
            client.send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(accepted.receiver(), "after accept"),
                    "the accepted client is unaffected");
            server.close();
            client.send(ADA);
            assertEquals(ADA, receive(accepted.receiver(), "after close"), "closing the server keeps the accepted "
                    + "receiver open");
            accepted.receiver().close();
        }
    }

    @Test
    public void nameStopsWorkingOnceClosed() throws Exception {
        IpcOneShotServer<Person> server = IpcOneShotServer.create(Person.class);
        String name = server.name();
        server.close();
        server.close();
        assertThrows(IpcException.class, () -> IpcSender.connect(name, Person.class), "connect to a closed server");
        assertThrows(IpcException.class, () -> server.tryAccept(QUIET), "accept on a closed server");
    }

    @Test
    public void connectToUnknownNameFails() {
        IpcException e = assertThrows(IpcException.class,
                () -> IpcSender.connect("no-such-ipc-server-" + System.nanoTime(), Person.class), "unknown name");
        assertFalse(e.getMessage() == null || e.getMessage().isBlank(), "the failure says why");
    }

    @Test
    public void clientClosingBeforeItsFirstMessageIsDisconnected() throws Exception {
        try (IpcOneShotServer<Person> server = IpcOneShotServer.create(Person.class)) {
            IpcSender.connect(server.name(), Person.class).close();
            assertThrows(IpcDisconnectedException.class, () -> server.tryAccept(TIMEOUT),
                    "a client that closed without a message fails the accept instead of hanging it");
        }
    }

    @Test
    public void closeFromAnotherThreadWakesBlockedAccept() throws Exception {
        IpcOneShotServer<Person> server = IpcOneShotServer.create(Person.class);
        BlockedCall accept = BlockedCall.start("accept", server::accept);
        server.close();
        assertInstanceOf(IpcException.class, accept.failure(), "a blocked accept fails once the server closes");
    }
}
