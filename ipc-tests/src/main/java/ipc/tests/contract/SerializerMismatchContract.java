package ipc.tests.contract;

import static ipc.tests.contract.Contracts.TIMEOUT;
import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.tests.messages.Person;
import org.junit.jupiter.api.Test;

/** An explicitly chosen serializer, and a message read with another serializer than the one that wrote it. */
public abstract class SerializerMismatchContract {

    private static final TypeRef<String> STRING = TypeRef.of(String.class);

    private static void assertNamesBoth(IpcSerializationException e, String writer, String reader) {
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains(writer),
                "the error names the writing serializer '" + writer + "': " + message);
        assertTrue(message.contains(reader), "the error names the reading serializer '" + reader + "': " + message);
    }

    @Test
    public void explicitSerializerRoundTrip() throws Exception {
        try (IpcChannel<String> channel = Ipc.channel(String.class, new TextSerializer())) {
            channel.sender().send("héllo");
            assertEquals("héllo", receive(channel.receiver(), "text"), "a channel with an explicit serializer");
        }
    }

    @Test
    public void defaultWriterTextReader() throws Exception {
        IpcSerializer defaultSerializer = Ipc.defaultSerializer();
        try (IpcChannel<String> channel = Ipc.channel(String.class)) {
            IpcReceiver<String> textReader = channel.receiver().toOpaque().to(STRING, new TextSerializer());
            channel.sender().send("written by the default");
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> textReader.tryRecv(TIMEOUT), "a default-serializer message read as contract-text");
            assertNamesBoth(e, defaultSerializer.name(), TextSerializer.NAME);
            channel.sender().send("next");
            assertEquals("next", receive(channel.receiver(), "next"), "the channel stays usable");
        }
    }

    @Test
    public void textWriterDefaultReader() throws Exception {
        IpcSerializer defaultSerializer = Ipc.defaultSerializer();
        try (IpcChannel<String> channel = Ipc.channel(String.class, new TextSerializer())) {
            IpcReceiver<String> defaultReader = channel.receiver().toOpaque().to(STRING, defaultSerializer);
            channel.sender().send("written as text");
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> defaultReader.tryRecv(TIMEOUT), "a contract-text message read by the default serializer");
            assertNamesBoth(e, TextSerializer.NAME, defaultSerializer.name());
            channel.sender().send("next");
            assertEquals("next", receive(channel.receiver(), "next"), "the channel stays usable");
        }
    }

    @Test
    public void viewsKeepTheSerializerTheyCameFrom() throws Exception {
        try (IpcChannel<String> channel = Ipc.channel(String.class, new TextSerializer())) {
            IpcSender<String> view = channel.sender().toOpaque().to(String.class);
            view.send("through a view");
            assertEquals("through a view", receive(channel.receiver().toOpaque().to(String.class), "text"),
                    "to(Class) without a serializer uses the one of the handle it came from");
        }
    }

    @Test
    public void unsupportedTypeFailsAtChannelCreation() {
        assertThrows(IllegalArgumentException.class, () -> Ipc.channel(Person.class, new TextSerializer()),
                "a serializer that cannot handle the type fails at creation, not at the first send");
    }

    @Test
    public void serializersByName() throws Exception {
        IpcSerializer defaultSerializer = Ipc.defaultSerializer();
        assertEquals(defaultSerializer.name(), Ipc.serializer(defaultSerializer.name()).name(),
                "the default serializer is installed under its own name");
        IpcException e = assertThrows(IpcException.class, () -> Ipc.serializer("no-such-serializer"),
                "an unknown serializer name");
        assertTrue(String.valueOf(e.getMessage()).contains("no-such-serializer"), "the error names it: " + e);
    }

    @Test
    public void oneShotServerWithAnExplicitSerializer() throws Exception {
        TextSerializer text = new TextSerializer();
        try (IpcOneShotServer<String> server = IpcOneShotServer.create(STRING, text);
                IpcSender<String> client = IpcSender.connect(server.name(), STRING, text)) {
            client.send("hello server");
            IpcOneShotServer.Accepted<String> accepted = server.tryAccept(TIMEOUT)
                    .orElseThrow(() -> new AssertionError("accepted within " + TIMEOUT));
            assertEquals("hello server", accepted.message(), "first message with the explicit serializer");
            accepted.receiver().close();
        }
    }
}
