package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.serde.protobuf.RawPayloadSerializer.RawMessage;
import java.util.List;

/**
 * One channel seen three ways: a raw sender that puts any bytes (and handles) behind a genuine {@code protobuf} frame
 * header, and a typed sender and receiver using the real serializer.
 *
 * @param <T> the message type
 */
final class HostileChannel<T> implements AutoCloseable {

    private final IpcChannel<RawMessage> raw;
    private final IpcSender<T> typedSender;
    private final IpcReceiver<T> typedReceiver;

    HostileChannel(TypeRef<T> type, ProtobufSerializer serializer) throws IpcException {
        raw = Ipc.channel(RawMessage.class, new RawPayloadSerializer());
        typedSender = raw.sender().toOpaque().to(type, serializer);
        typedReceiver = raw.receiver().toOpaque().to(type, serializer);
    }

    /** Sends {@code payload} as it is, as if a peer's protobuf serializer had written it. */
    void sendRaw(byte[] payload) throws IpcException {
        raw.sender().send(new RawMessage(payload));
    }

    /** Sends {@code payload} with {@code handles} in the message's handle table. */
    void sendRaw(byte[] payload, Object... handles) throws IpcException {
        raw.sender().send(new RawMessage(payload, List.of(handles)));
    }

    IpcSender<T> sender() {
        return typedSender;
    }

    IpcReceiver<T> receiver() {
        return typedReceiver;
    }

    /** Asserts that {@code e}'s message names the serializer and the expected type. */
    static void assertExplains(IpcSerializationException e, TypeRef<?> expected) {
        String message = String.valueOf(e.getMessage());
        assertTrue(message.contains("'" + ProtobufSerializer.NAME + "'"), "the message names the serializer: "
                + message);
        assertTrue(message.contains(expected.toString()), "the message names " + expected + ": " + message);
    }

    @Override
    public void close() {
        raw.close();
    }
}
