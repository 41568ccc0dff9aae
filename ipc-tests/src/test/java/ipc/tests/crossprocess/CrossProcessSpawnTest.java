package ipc.tests.crossprocess;

import static ipc.tests.crossprocess.Children.accept;
import static ipc.tests.crossprocess.Children.assertExitsCleanly;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.TypeRef;
import ipc.tests.children.Wire.Person;
import ipc.tests.children.Wire.Transfer;
import ipc.tests.children.Wire.TwoStep;
import ipc.tests.support.ChildJvm;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Rust ipc-channel's {@code *_spawn} tests, with real child JVMs. */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class CrossProcessSpawnTest {

    private static final Duration REPLY = Duration.ofSeconds(30);

    @Test
    void crossProcessSpawn() throws Exception {
        try (IpcOneShotServer<String> server = IpcOneShotServer.create(String.class);
                ChildJvm child = Children.start("hello", server.name())) {
            IpcOneShotServer.Accepted<String> accepted = accept(server, child);
            assertEquals("1234567", accepted.message(), "the child's first message");
            accepted.receiver().close();
            assertExitsCleanly(child);
        }
    }

    @Test
    void crossProcessSenderTransferSpawn() throws Exception {
        try (IpcOneShotServer<Transfer> server = IpcOneShotServer.create(Transfer.class);
                ChildJvm child = Children.start("sender-transfer", server.name())) {
            IpcOneShotServer.Accepted<Transfer> accepted = accept(server, child);
            assertEquals("foo", accepted.message().text(), "first message text");
            try (IpcSender<String> sub = accepted.message().replyTo(); IpcReceiver<Transfer> superRx =
                    accepted.receiver()) {
                sub.send("baz");
                Transfer last = superRx.tryRecv(REPLY).orElseThrow(() -> new AssertionError("no bar: "
                        + child.output()));
                assertEquals("bar", last.text(), "the child answered after receiving baz");
                assertNull(last.replyTo(), "no sender in the last message");
            }
            assertExitsCleanly(child);
        }
    }

    @Test
    void crossProcessTwoStepTransferSpawn() throws Exception {
        try (IpcChannel<String> one = Ipc.channel(String.class);
                IpcChannel<IpcReceiver<String>> two = Ipc.channel(new TypeRef<IpcReceiver<String>>() {});
                IpcOneShotServer<TwoStep> server = IpcOneShotServer.create(TwoStep.class)) {
            one.sender().send("cookie");
            two.sender().send(one.receiver());
            one.receiver().close(); // the only copy left is inside two's queue
            try (ChildJvm child = Children.start("two-step", server.name())) {
                IpcOneShotServer.Accepted<TwoStep> accepted = accept(server, child);
                try (var back = accepted.message().back(); IpcReceiver<TwoStep> superRx = accepted.receiver()) {
                    back.send(two.receiver());
                    two.receiver().close();
                    TwoStep answer = superRx.tryRecv(REPLY).orElseThrow(() -> new AssertionError(child.output()));
                    assertEquals("cookie", answer.cookie(), "the cookie went through two queued receivers");
                }
                assertExitsCleanly(child);
            }
        }
    }

    @Test
    void crossProcessEmbeddedSendersSpawn() throws Exception {
        Person person = new Person("Patrick Walton", 29);
        try (IpcOneShotServer<IpcSender<Person>> server0 =
                        IpcOneShotServer.create(new TypeRef<IpcSender<Person>>() {});
                IpcOneShotServer<Person> server2 = IpcOneShotServer.create(Person.class);
                ChildJvm child = Children.start("embedded-senders", server0.name(), server2.name())) {
            IpcOneShotServer.Accepted<IpcSender<Person>> accepted0 = accept(server0, child);
            try (IpcSender<Person> tx1 = accepted0.message()) {
                tx1.send(person);
            }
            IpcOneShotServer.Accepted<Person> accepted2 = accept(server2, child);
            assertEquals(person, accepted2.message(), "the person came back through the second server");
            accepted0.receiver().close();
            accepted2.receiver().close();
            assertExitsCleanly(child);
        }
    }
}
