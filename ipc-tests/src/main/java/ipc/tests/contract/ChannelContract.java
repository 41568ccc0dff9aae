package ipc.tests.contract;

import static ipc.tests.contract.Contracts.QUIET;
import static ipc.tests.contract.Contracts.TIMEOUT;
import static ipc.tests.contract.Contracts.receive;
import static ipc.tests.contract.Contracts.within;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.TypeRef;
import ipc.tests.messages.Person;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Sending and receiving on one typed channel: Rust's {@code simple}, {@code try_recv} and friends. */
public abstract class ChannelContract {

    private static final Person JACOB = new Person("Jacob Kiesel", 25);

    @Test
    public void simple() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            channel.sender().send(Person.PATRICK);
            assertEquals(Person.PATRICK, within("recv", channel.receiver()::recv), "the person sent");
            channel.sender().close();
            assertThrows(IpcDisconnectedException.class, () -> within("recv", channel.receiver()::recv),
                    "recv after the only sender closed and the queue is drained");
        }
    }

    @Test
    public void disconnectNonEmptyChannel() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            channel.sender().send(Person.PATRICK);
            channel.sender().close();
            assertEquals(Person.PATRICK, within("recv", channel.receiver()::recv),
                    "a message sent before the last sender closed is delivered first");
            assertThrows(IpcDisconnectedException.class, () -> within("recv", channel.receiver()::recv),
                    "then recv reports the disconnection");
        }
    }

    @Test
    public void messageSentJustBeforeCloseIsNotLost() throws Exception {
        try (IpcChannel<Integer> channel = Ipc.channel(Integer.class)) {
            channel.sender().send(42);
            channel.sender().close();
            assertEquals(42, receive(channel.receiver(), "the last message"), "Rust's test_so_linger");
        }
    }

    /**
     * Large messages reuse memory on both sides (the sender's encoding buffer, the receiver's buffer for the bulk of
     * a message): messages that shrink and grow again must each arrive exactly as sent, no byte of an earlier one
     * showing through.
     */
    @Test
    public void largeMessagesOfChangingSizesArriveExactly() throws Exception {
        int[] sizes = {3 << 20, 1 << 20, 300 << 10, 5 << 20, 2 << 10, (2 << 20) + 7};
        try (IpcChannel<byte[]> channel = Ipc.channel(byte[].class)) {
            for (int i = 0; i < sizes.length; i++) {
                byte[] sent = new byte[sizes[i]];
                for (int at = 0; at < sent.length; at++) {
                    sent[at] = (byte) (at * 31 + i * 17 + 1);
                }
                channel.sender().send(sent);
                byte[] received = receive(channel.receiver(), "message " + i + " of " + sizes[i] + " bytes");
                assertArrayEquals(sent, received, "message " + i + " of " + sizes[i] + " bytes");
            }
        }
    }

    @Test
    public void tryRecv() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            assertEquals(Optional.empty(), channel.receiver().tryRecv(), "tryRecv on an empty channel");
            channel.sender().send(Person.PATRICK);
            assertEquals(Optional.of(Person.PATRICK), channel.receiver().tryRecv(), "tryRecv after a send");
            assertEquals(Optional.empty(), channel.receiver().tryRecv(), "tryRecv once drained");
            channel.sender().close();
            assertThrows(IpcDisconnectedException.class, channel.receiver()::tryRecv,
                    "tryRecv throws rather than returning empty once every sender is closed");
        }
    }

    @Test
    public void tryRecvTimeout() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            Duration timeout = Duration.ofMillis(300);
            long start = System.nanoTime();
            assertEquals(Optional.empty(), channel.receiver().tryRecv(timeout), "tryRecv(timeout) on an empty channel");
            assertTrue(System.nanoTime() - start >= timeout.toNanos() / 2,
                    "tryRecv(timeout) waited for about the timeout before returning empty");

            channel.sender().send(JACOB);
            start = System.nanoTime();
            assertEquals(Optional.of(JACOB), channel.receiver().tryRecv(TIMEOUT), "tryRecv(timeout) with a message");
            assertTrue(System.nanoTime() - start < TIMEOUT.toNanos() / 2,
                    "tryRecv(timeout) returned a queued message without waiting for the timeout");

            assertEquals(Optional.empty(), channel.receiver().tryRecv(QUIET), "tryRecv(timeout) once drained");
            channel.sender().close();
            assertThrows(IpcDisconnectedException.class, () -> channel.receiver().tryRecv(TIMEOUT),
                    "tryRecv(timeout) throws once every sender is closed");
        }
    }

    @Test
    public void tryRecvRejectsNegativeTimeout() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            assertThrows(IllegalArgumentException.class, () -> channel.receiver().tryRecv(Duration.ofMillis(-1)),
                    "a negative timeout is a programming error");
        }
    }

    @Test
    public void sendNullThrowsNullPointerException() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            assertThrows(NullPointerException.class, () -> channel.sender().send(null), "send(null)");
            channel.sender().send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(channel.receiver(), "after send(null)"),
                    "the channel is still usable after send(null)");
        }
    }

    @Test
    public void genericMessageTypes() throws Exception {
        TypeRef<List<Person>> listType = new TypeRef<>() {};
        try (IpcChannel<List<Person>> channel = Ipc.channel(listType)) {
            List<Person> people = List.of(Person.PATRICK, JACOB);
            channel.sender().send(people);
            assertEquals(people, receive(channel.receiver(), "a list"), "a List<Person> round trip");
            assertEquals(listType, channel.receiver().type(), "the receiver knows its declared type");
        }
        try (IpcChannel<Map<String, Person>> channel = Ipc.channel(new TypeRef<Map<String, Person>>() {})) {
            Map<String, Person> byName = Map.of("patrick", Person.PATRICK, "jacob", JACOB);
            channel.sender().send(byName);
            assertEquals(byName, receive(channel.receiver(), "a map"), "a Map<String, Person> round trip");
        }
    }
}
