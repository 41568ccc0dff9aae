package ipc.tests.contract;

import static ipc.tests.contract.Contracts.TIMEOUT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult;
import ipc.tests.messages.Person;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Waiting on several receivers: Rust's {@code select}, {@code try_select} and {@code try_select_timeout}. */
public abstract class ReceiverSetContract {

    private static final Person JANE = new Person("Jane Austen", 41);

    private static IpcSelectionResult.MessageReceived message(IpcSelectionResult result) {
        return assertInstanceOf(IpcSelectionResult.MessageReceived.class, result, "a message, not " + result);
    }

    @Test
    public void select() throws Exception {
        try (IpcChannel<Person> c0 = Ipc.channel(Person.class);
                IpcChannel<Person> c1 = Ipc.channel(Person.class);
                IpcReceiverSet set = IpcReceiverSet.create()) {
            long id0 = set.add(c0.receiver());
            long id1 = set.add(c1.receiver());
            assertTrue(id0 != id1, "distinct receivers get distinct ids");

            c0.sender().send(Person.PATRICK);
            IpcSelectionResult.MessageReceived first = message(Contracts.within("select", set::select).get(0));
            assertEquals(id0, first.id(), "the message came from receiver 0");
            assertEquals(Person.PATRICK, first.message().to(Person.class), "its content");

            c1.sender().send(Person.PATRICK);
            IpcSelectionResult.MessageReceived second = message(Contracts.within("select", set::select).get(0));
            assertEquals(id1, second.id(), "the message came from receiver 1");
            assertEquals(Person.PATRICK, second.message().to(Person.class), "its content");

            c0.sender().send(Person.PATRICK);
            c1.sender().send(Person.PATRICK);
            boolean received0 = false;
            boolean received1 = false;
            while (!received0 || !received1) {
                for (IpcSelectionResult result : Contracts.select(set, "both messages")) {
                    IpcSelectionResult.MessageReceived received = message(result);
                    assertEquals(Person.PATRICK, received.message().to(Person.class), "each message's content");
                    if (received.id() == id0) {
                        assertFalse(received0, "receiver 0 reported its one message once");
                        received0 = true;
                    } else {
                        assertEquals(id1, received.id(), "a message from one of the two receivers");
                        assertFalse(received1, "receiver 1 reported its one message once");
                        received1 = true;
                    }
                }
            }
        }
    }

    @Test
    public void trySelect() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class);
                IpcReceiverSet set = IpcReceiverSet.create()) {
            long id = set.add(channel.receiver());
            assertEquals(List.of(), set.trySelect(), "nothing ready yet");

            channel.sender().send(JANE);
            List<IpcSelectionResult> results = set.trySelect();
            assertEquals(1, results.size(), "a message sent is ready at once: one result for one message");
            assertEquals(id, results.get(0).id(), "from the one receiver");
            assertEquals(JANE, message(results.get(0)).message().to(Person.class), "its content");
            assertEquals(List.of(), set.trySelect(), "nothing ready once drained");

            channel.sender().close();
            assertEquals(List.of(new IpcSelectionResult.ChannelClosed(id)), set.trySelect(),
                    "the closed channel is reported at once");
            assertEquals(List.of(), set.trySelect(), "and is reported once");
        }
    }

    @Test
    public void trySelectTimeout() throws Exception {
        Duration timeout = Duration.ofMillis(100);
        try (IpcChannel<Person> channel = Ipc.channel(Person.class);
                IpcReceiverSet set = IpcReceiverSet.create()) {
            long id = set.add(channel.receiver());
            long start = System.nanoTime();
            assertEquals(List.of(), set.trySelect(timeout), "nothing ready within the timeout");
            assertTrue(System.nanoTime() - start >= timeout.toNanos(), "trySelect(timeout) waited the timeout");

            channel.sender().send(JANE);
            start = System.nanoTime();
            List<IpcSelectionResult> results = set.trySelect(TIMEOUT);
            assertTrue(System.nanoTime() - start < TIMEOUT.toNanos() / 2, "a ready message returns without waiting");
            assertEquals(JANE, message(results.get(0)).message().to(Person.class), "its content");

            start = System.nanoTime();
            assertEquals(List.of(), set.trySelect(timeout), "nothing ready once drained");
            assertTrue(System.nanoTime() - start >= timeout.toNanos(), "trySelect(timeout) waited the timeout");

            channel.sender().close();
            assertEquals(List.of(new IpcSelectionResult.ChannelClosed(id)), set.trySelect(TIMEOUT),
                    "the channel closed");
            start = System.nanoTime();
            assertEquals(List.of(), set.trySelect(timeout), "a closed channel is reported once");
            assertTrue(System.nanoTime() - start >= timeout.toNanos(), "the empty set waited the timeout");
        }
    }
}
