package ipc.tests.contract;

import static ipc.tests.contract.Contracts.QUIET;
import static ipc.tests.contract.Contracts.TIMEOUT;
import static ipc.tests.contract.Contracts.assertDisconnected;
import static ipc.tests.contract.Contracts.receive;
import static ipc.tests.contract.Contracts.select;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcRouter;
import ipc.api.IpcSelectionResult;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.tests.messages.Person;
import ipc.tests.messages.ReceiverHolder;
import ipc.tests.messages.SenderHolder;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Messages that do not decode as the receiver's type: a clear error, released handles, a usable channel. */
public abstract class DecodeErrorContract {

    private static void assertMentions(String message, String... parts) {
        for (String part : parts) {
            assertTrue(message != null && message.toLowerCase(Locale.ROOT).contains(part.toLowerCase(Locale.ROOT)),
                    "the error message should mention '" + part + "': " + message);
        }
    }

    @Test
    public void wrongTypeNamesWhatWasExpectedAndWhatArrived() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            IpcSender<String> wrong = channel.sender().toOpaque().to(String.class);
            wrong.send("not a person");
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> channel.receiver().tryRecv(TIMEOUT), "a String where a Person was expected");
            assertMentions(e.getMessage(), Person.class.getSimpleName(), "string");
            channel.sender().send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(channel.receiver(), "after the bad message"),
                    "the channel stays usable for the next message");
        }
    }

    @Test
    public void handleKindMismatchIsRejectedAndItsHandlesReleased() throws Exception {
        try (IpcChannel<String> inner = Ipc.channel(String.class);
                IpcChannel<SenderHolder> carrier = Ipc.channel(SenderHolder.class)) {
            IpcReceiver<ReceiverHolder> misread = carrier.receiver().toOpaque().to(ReceiverHolder.class);
            carrier.sender().send(new SenderHolder(inner.sender()));
            inner.sender().close();
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> misread.tryRecv(TIMEOUT), "a sender where a receiver was expected");
            assertMentions(e.getMessage(), "receiver", "sender");
            assertDisconnected(inner.receiver(), "the failed decode closed the sender the message carried");
            try (IpcChannel<String> next = Ipc.channel(String.class)) {
                carrier.sender().send(new SenderHolder(next.sender()));
                receive(carrier.receiver(), "the next message").handle().close();
            }
        }
    }

    @Test
    public void bytesAndTypedMessagesDoNotMix() throws Exception {
        String serializer = Ipc.defaultSerializer().name();
        try (IpcChannel<Person> channel = Ipc.channel(Person.class)) {
            channel.sender().toOpaque().toBytes().send(new byte[] {1, 2, 3});
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> channel.receiver().tryRecv(TIMEOUT), "raw bytes on a typed channel");
            assertMentions(e.getMessage(), "bytes", serializer);
            channel.sender().send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(channel.receiver(), "next"), "usable after raw bytes");
            channel.sender().toOpaque().toBytes().send(new byte[1 << 20]);
            e = assertThrows(IpcSerializationException.class, () -> channel.receiver().tryRecv(TIMEOUT),
                    "1 MiB of raw bytes on a typed channel");
            assertMentions(e.getMessage(), "bytes", serializer);
            channel.sender().send(Person.PATRICK);
            assertEquals(Person.PATRICK, receive(channel.receiver(), "next"), "usable after 1 MiB of raw bytes");
        }
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            channel.sender().toOpaque().to(Person.class).send(Person.PATRICK);
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> channel.receiver().tryRecv(TIMEOUT), "a typed message on a bytes channel");
            assertMentions(e.getMessage(), "bytes", serializer);
            channel.sender().send(new byte[] {9});
            assertArrayEquals(new byte[] {9}, receive(channel.receiver(), "next"), "usable after a typed message");
        }
    }

    @Test
    public void opaqueMessageOfTheWrongType() throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class);
                IpcReceiverSet set = IpcReceiverSet.create()) {
            set.add(channel.receiver());
            channel.sender().send(Person.PATRICK);
            IpcSelectionResult result = select(set, "a person").get(0);
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> assertInstanceOf(IpcSelectionResult.MessageReceived.class, result, "a message")
                            .message().to(Integer.class), "a Person decoded as Integer");
            assertMentions(e.getMessage(), "Integer");
        }
    }

    @Test
    public void routeToQueueSkipsAMessageThatDoesNotDecode() throws Exception {
        IpcRouter router = IpcRouter.create();
        try {
            IpcChannel<Integer> channel = Ipc.channel(Integer.class);
            BlockingQueue<Integer> queue = router.routeToNewQueue(channel.receiver());
            try (IpcSender<Integer> sender = channel.sender()) {
                sender.toOpaque().to(String.class).send("not a number");
                sender.send(7);
                assertEquals(7, Contracts.take(queue, "the good message"), "the bad message was skipped");
                assertNull(queue.poll(QUIET.toMillis(), TimeUnit.MILLISECONDS), "and nothing else arrived");
            }
        } finally {
            router.shutdown();
        }
    }
}
