package ipc.serde.testsupport;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.serde.testsupport.RawPayloadSerializer.RawMessage;
import java.util.List;

/**
 * One channel seen three ways: a raw sender that puts any bytes (and handles) behind a genuine frame header of the
 * serializer under test, and a typed sender and receiver using that real serializer.
 *
 * @param <T> the message type
 */
public final class HostileChannel<T> implements AutoCloseable {

    private final IpcChannel<RawMessage> raw;
    private final IpcSender<T> typedSender;
    private final IpcReceiver<T> typedReceiver;

    /**
     * Opens the channel.
     *
     * @param type the message type of the typed ends
     * @param serializer the serializer under test; the raw sender poses under its name
     * @throws IpcException if the channel cannot be opened
     */
    public HostileChannel(TypeRef<T> type, IpcSerializer serializer) throws IpcException {
        raw = Ipc.channel(RawMessage.class, new RawPayloadSerializer(serializer.name()));
        typedSender = raw.sender().toOpaque().to(type, serializer);
        typedReceiver = raw.receiver().toOpaque().to(type, serializer);
    }

    /**
     * Sends {@code payload} as it is, as if a peer's serializer had written it.
     *
     * @param payload the bytes to send
     * @throws IpcException if sending fails
     */
    public void sendRaw(byte[] payload) throws IpcException {
        raw.sender().send(new RawMessage(payload));
    }

    /**
     * Sends {@code payload} with {@code handles} in the message's handle table.
     *
     * @param payload the bytes to send
     * @param handles the handles, at indexes 0, 1, ...
     * @throws IpcException if sending fails
     */
    public void sendRaw(byte[] payload, Object... handles) throws IpcException {
        raw.sender().send(new RawMessage(payload, List.of(handles)));
    }

    /**
     * The typed sender, using the real serializer.
     *
     * @return the typed sender
     */
    public IpcSender<T> sender() {
        return typedSender;
    }

    /**
     * The typed receiver, using the real serializer.
     *
     * @return the typed receiver
     */
    public IpcReceiver<T> receiver() {
        return typedReceiver;
    }

    /**
     * Asserts that {@code e}'s message names the serializer and the expected type.
     *
     * @param serializer how the message must name the serializer, such as {@code "kryo"} or {@code "'protobuf'"}
     * @param e the failure
     * @param expected the type the message must name
     */
    public static void assertExplains(String serializer, IpcSerializationException e, TypeRef<?> expected) {
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains(serializer), "the message names the serializer: " + message);
        assertTrue(message.contains(expected.toString()), "the message names " + expected + ": " + message);
    }

    @Override
    public void close() {
        raw.close();
    }
}
