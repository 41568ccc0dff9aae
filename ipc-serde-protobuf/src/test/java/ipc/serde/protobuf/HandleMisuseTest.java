package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.IpcSharedMemory;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.protobuf.fixtures.WithSender;
import ipc.serde.protobuf.proto.Handle;
import ipc.serde.testsupport.HostileChannel;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Handles that name nothing (copies, hand-made indexes, empty Handles) and handles of the wrong kind fail clearly,
 * when sent and when taken out, and the channel stays usable.
 */
class HandleMisuseTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final ProtobufSerializer serializer = new ProtobufSerializer();

    /** Sends a WithSender whose reply_to is {@code bad}; returns the failure, then checks the channel works. */
    private IpcSerializationException sendFails(Handle bad, String what) {
        return assertTimeoutPreemptively(TIMEOUT, () -> {
            try (IpcChannel<WithSender> channel = Ipc.channel(WithSender.class, serializer);
                    IpcChannel<Point> points = Ipc.channel(Point.class, serializer)) {
                IpcSerializationException e = assertThrows(IpcSerializationException.class,
                        () -> channel.sender().send(WithSender.newBuilder().setReplyTo(bad).build()), what);
                HostileChannel.assertExplains("'" + ProtobufSerializer.NAME + "'", e, channel.sender().type());
                assertTrue(e.getMessage().contains("reply_to"), "names the field: " + e.getMessage());

                channel.sender().send(WithSender.newBuilder().setReplyTo(IpcHandles.of(points.sender())).build());
                try (IpcSender<Point> reply = IpcHandles.sender(channel.receiver().recv().getReplyTo(), Point.class)) {
                    reply.send(Point.newBuilder().setX(1).build());
                }
                assertEquals(1, points.receiver().recv().getX(), "the channel still works after " + what);
                return e;
            }
        });
    }

    @Test
    void copyOfAHandleNamesNoHandle() throws Exception {
        try (IpcChannel<Point> points = Ipc.channel(Point.class, serializer)) {
            Handle original = IpcHandles.of(points.sender());
            Handle copy = original.toBuilder().build();
            assertEquals(original, copy, "a copy is equal, as protobuf messages are");
            IpcSerializationException e = sendFails(copy, "a copy");
            assertTrue(e.getMessage().contains("copy"), "says it is a copy: " + e.getMessage());
            IpcSerializationException out = assertThrows(IpcSerializationException.class,
                    () -> IpcHandles.sender(copy, Point.class), "taking a handle out of a copy");
            assertTrue(out.getMessage().contains("copy"), "says it is a copy: " + out.getMessage());
            assertTrue(Handle.parseFrom(original.toByteArray()).hasToken(), "a parsed Handle has the token too...");
            assertThrows(IpcSerializationException.class, () -> IpcHandles.opaqueSender(
                    Handle.parseFrom(original.toByteArray())), "...and still names nothing");
        }
    }

    @Test
    void indexSetByHandNamesNoHandle() {
        IpcSerializationException e = sendFails(Handle.newBuilder().setIndex(0).build(), "a hand-made index");
        assertTrue(e.getMessage().contains("set by hand"), "says so: " + e.getMessage());
    }

    @Test
    void emptyHandleNamesNoHandle() {
        IpcSerializationException e = sendFails(Handle.getDefaultInstance(), "an empty Handle");
        assertTrue(e.getMessage().contains("is empty"), "says so: " + e.getMessage());
        IpcSerializationException out = assertThrows(IpcSerializationException.class,
                () -> IpcHandles.sender(WithSender.getDefaultInstance().getReplyTo(), Point.class), "an unset field");
        assertTrue(out.getMessage().contains("is the field set?"), "hints at the unset field: " + out.getMessage());
    }

    @Test
    void closedHandleCannotBeSent() throws Exception {
        try (IpcChannel<WithSender> channel = Ipc.channel(WithSender.class, serializer)) {
            IpcChannel<Point> points = Ipc.channel(Point.class, serializer);
            Handle handle = IpcHandles.of(points.sender());
            points.close();
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> channel.sender().send(WithSender.newBuilder().setReplyTo(handle).build()),
                    "a closed handle in a message");
            assertTrue(e.getMessage().contains("closed"), "says it is closed: " + e.getMessage());
        }
    }

    @Test
    void wrongKindIsRefusedWithBothKinds() throws Exception {
        try (IpcChannel<Point> points = Ipc.channel(Point.class, serializer);
                IpcSharedMemory memory = IpcSharedMemory.fromByte((byte) 1, 8)) {
            Handle receiver = IpcHandles.of(points.receiver());
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> IpcHandles.sender(receiver, Point.class), "a receiver taken out as a sender");
            assertTrue(e.getMessage().contains("channel sender") && e.getMessage().contains("channel receiver"),
                    "names what was asked for and what is there: " + e.getMessage());
            assertThrows(IpcSerializationException.class, () -> IpcHandles.sharedMemory(receiver), "as memory");
            assertThrows(IpcSerializationException.class, () -> IpcHandles.bytesSender(IpcHandles.of(memory)),
                    "memory as a bytes sender");
            assertTrue(points.receiver().isOpen(), "a refused getter closes nothing");
        }
    }

    @Test
    void nullIsRefused() {
        assertThrows(NullPointerException.class, () -> IpcHandles.of((IpcSender<?>) null), "of(null)");
        assertThrows(NullPointerException.class, () -> IpcHandles.sender(null, Point.class), "sender(null, ...)");
    }
}
