package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.serde.protobuf.fixtures.Everywhere;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.protobuf.fixtures.WithSender;
import ipc.serde.protobuf.proto.Handle;
import ipc.serde.testsupport.HostileChannel;
import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Payloads whose Handle fields make no sense (a token from the wire, no index, an index beyond the table) fail with
 * a clear error, and every handle that came with such a message is closed; handles keep travelling afterwards.
 */
class BadHandlePayloadTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Duration DISCONNECTION_WAIT = Duration.ofSeconds(5);

    private final ProtobufSerializer serializer = new ProtobufSerializer();

    private static WithSender withReplyTo(Handle handle) {
        return WithSender.newBuilder().setLabel("bad").setReplyTo(handle).build();
    }

    /**
     * Sends {@code payload} with the sender of a fresh channel in its handle table, asserts that decoding fails, and
     * that the sender that came with the message was closed (the channel disconnects once the local one is closed).
     */
    private <T> IpcSerializationException rejectedAndClosed(TypeRef<T> type, byte[] payload, String what) {
        return assertTimeoutPreemptively(TIMEOUT, () -> {
            try (HostileChannel<T> hostile = new HostileChannel<>(type, serializer);
                    IpcChannel<Point> target = Ipc.channel(Point.class, serializer)) {
                hostile.sendRaw(payload, target.sender());
                IpcSerializationException e = assertThrows(IpcSerializationException.class,
                        () -> hostile.receiver().recv(), what);
                HostileChannel.assertExplains("'" + ProtobufSerializer.NAME + "'", e, type);

                target.sender().close();
                assertThrows(IpcDisconnectedException.class, () -> target.receiver().tryRecv(DISCONNECTION_WAIT),
                        "the sender that came with " + what + " was closed");
                return e;
            }
        });
    }

    @Test
    void tokenFromThePeerIsRefused() {
        IpcSerializationException e = rejectedAndClosed(TypeRef.of(WithSender.class),
                withReplyTo(Handle.newBuilder().setToken(1).build()).toByteArray(), "a token on the wire");
        assertTrue(e.getMessage().contains("reply_to holds a token"), "says where and what: " + e.getMessage());
    }

    @Test
    void emptyHandleIsRefused() {
        IpcSerializationException e = rejectedAndClosed(TypeRef.of(WithSender.class),
                withReplyTo(Handle.getDefaultInstance()).toByteArray(), "an empty Handle");
        assertTrue(e.getMessage().contains("is empty"), "says so: " + e.getMessage());
    }

    @Test
    void indexBeyondTheTableIsRefused() {
        IpcSerializationException e = rejectedAndClosed(TypeRef.of(WithSender.class),
                withReplyTo(Handle.newBuilder().setIndex(3).build()).toByteArray(), "index 3 of 1");
        assertTrue(e.getMessage().contains("handle index 3, but 1 handles came"), "says so: " + e.getMessage());
        IpcSerializationException huge = rejectedAndClosed(TypeRef.of(WithSender.class),
                withReplyTo(Handle.newBuilder().setIndex(-1).build()).toByteArray(), "index 2^32 - 1");
        assertTrue(huge.getMessage().contains("4294967295"), "shows the unsigned index: " + huge.getMessage());
    }

    @Test
    void badHandleAfterGoodOnesClosesThemAll() {
        Handle good = Handle.newBuilder().setIndex(0).build();
        Everywhere payload = Everywhere.newBuilder().setDirect(good).addList(good)
                .addList(Handle.newBuilder().setIndex(9)).build();
        IpcSerializationException e = rejectedAndClosed(TypeRef.of(Everywhere.class), payload.toByteArray(),
                "a bad Handle after good ones");
        assertTrue(e.getMessage().contains("list[1]"), "names the bad element: " + e.getMessage());
    }

    @Test
    void truncatedMessageWithAHandleClosesIt() {
        byte[] whole = withReplyTo(Handle.newBuilder().setIndex(0).build()).toByteArray();
        rejectedAndClosed(TypeRef.of(WithSender.class), Arrays.copyOf(whole, whole.length - 1), "a cut message");
    }

    @Test
    void handlesNoFieldNamesAreClosedAndTheOthersWork() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (HostileChannel<WithSender> hostile = new HostileChannel<>(TypeRef.of(WithSender.class), serializer);
                    IpcChannel<Point> named = Ipc.channel(Point.class, serializer);
                    IpcChannel<Point> unnamed = Ipc.channel(Point.class, serializer)) {
                hostile.sendRaw(withReplyTo(Handle.newBuilder().setIndex(0).build()).toByteArray(),
                        named.sender(), unnamed.sender());
                WithSender received = hostile.receiver().recv();
                unnamed.sender().close();
                assertThrows(IpcDisconnectedException.class, () -> unnamed.receiver().tryRecv(DISCONNECTION_WAIT),
                        "the handle no field names was closed");
                try (IpcSender<Point> reply = IpcHandles.sender(received.getReplyTo(), Point.class)) {
                    reply.send(Point.newBuilder().setY(2).build());
                }
                assertEquals(2, named.receiver().recv().getY(), "the named handle works");
            }
        });
    }
}
