package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import ipc.api.TypeRef;
import ipc.serde.jackson.HandleCases.HandleCase;
import ipc.serde.jackson.Messages.AllHandles;
import ipc.serde.jackson.Messages.Everywhere;
import ipc.serde.jackson.Messages.Point;
import ipc.serde.jackson.Messages.TwoViews;
import ipc.serde.testsupport.Closer;
import ipc.serde.testsupport.HandleFixtures.Fixture;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Handles of every type travel inside messages, at any depth, and arrive working. */
class HandleTransferTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final JacksonSerializer serializer = new JacksonSerializer();

    static Stream<HandleCase<?>> handleCases() {
        return HandleCases.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handleCases")
    <H extends AutoCloseable> void handleInRecordListAndMapArrivesOnceAndWorks(HandleCase<H> handleCase) {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (Closer closer = new Closer()) {
                Fixture<H> fixture = handleCase.maker().make(closer);
                IpcChannel<Everywhere<H>> channel = closer.add(Ipc.channel(handleCase.type(), serializer));
                channel.sender().send(Everywhere.of(fixture.handle()));
                Everywhere<H> decoded = channel.receiver().recv();
                H single = closer.add(decoded.single());

                assertNotSame(fixture.handle(), single, "the receiver gets its own handle");
                assertSame(single, decoded.list().get(0), "the handle in the list is the record's handle");
                assertSame(single, decoded.map().get("key"), "the handle in the map is the record's handle");
                assertSame(single, decoded.again(), "the handle reachable twice arrives once");
                fixture.verifier().assertWorks(single);

                decoded.again().close();
                assertFalse(handleCase.isOpen().test(decoded.list().get(0)),
                        "closing one decoded reference closes the shared OS handle");
                assertTrue(handleCase.isOpen().test(fixture.handle()),
                        "sending a handle, and closing the received copy, leaves the local one open");
            }
        }, () -> handleCase + " transfer blocked");
    }

    @Test
    void everyHandleTypeInOneRecord() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (Closer closer = new Closer()) {
                Fixture<IpcSender<Point>> sender = HandleCases.sender(closer);
                Fixture<IpcReceiver<Point>> receiver = HandleCases.receiver(closer);
                Fixture<IpcBytesSender> bytesSender = HandleCases.bytesSender(closer);
                Fixture<IpcBytesReceiver> bytesReceiver = HandleCases.bytesReceiver(closer);
                Fixture<OpaqueIpcSender> opaqueSender = HandleCases.opaqueSender(closer);
                Fixture<OpaqueIpcReceiver> opaqueReceiver = HandleCases.opaqueReceiver(closer);
                Fixture<IpcSharedMemory> memory = HandleCases.sharedMemory(closer);
                IpcChannel<AllHandles> channel = closer.add(Ipc.channel(AllHandles.class, serializer));

                channel.sender().send(new AllHandles(sender.handle(), receiver.handle(), bytesSender.handle(),
                        bytesReceiver.handle(), opaqueSender.handle(), opaqueReceiver.handle(), memory.handle()));
                AllHandles decoded = channel.receiver().recv();
                closer.add(decoded.sender());
                closer.add(decoded.receiver());
                closer.add(decoded.bytesSender());
                closer.add(decoded.bytesReceiver());
                closer.add(decoded.opaqueSender());
                closer.add(decoded.opaqueReceiver());
                closer.add(decoded.memory());

                assertEquals(TypeRef.of(Point.class), decoded.sender().type(), "the decoded sender's type");
                assertEquals(TypeRef.of(Point.class), decoded.receiver().type(), "the decoded receiver's type");
                sender.verifier().assertWorks(decoded.sender());
                receiver.verifier().assertWorks(decoded.receiver());
                bytesSender.verifier().assertWorks(decoded.bytesSender());
                bytesReceiver.verifier().assertWorks(decoded.bytesReceiver());
                opaqueSender.verifier().assertWorks(decoded.opaqueSender());
                opaqueReceiver.verifier().assertWorks(decoded.opaqueReceiver());
                memory.verifier().assertWorks(decoded.memory());
            }
        });
    }

    @Test
    void twoViewsOfOneHandleShareTheDecodedHandle() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (Closer closer = new Closer()) {
                IpcChannel<Point> points = closer.add(Ipc.channel(Point.class));
                IpcChannel<TwoViews> channel = closer.add(Ipc.channel(TwoViews.class, serializer));
                channel.sender().send(new TwoViews(points.sender(), points.sender().toOpaque()));
                TwoViews decoded = channel.receiver().recv();
                closer.add(decoded.typed());

                assertTrue(decoded.opaque().isOpen(), "the opaque view arrives open");
                decoded.typed().close();
                assertFalse(decoded.opaque().isOpen(), "a typed and an opaque view of one sender share its handle");
            }
        });
    }

    @Test
    void handleAsTheWholeMessage() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (Closer closer = new Closer()) {
                IpcChannel<IpcSharedMemory> channel = closer.add(Ipc.channel(IpcSharedMemory.class, serializer));
                IpcSharedMemory memory = closer.add(IpcSharedMemory.fromByte((byte) 1, 3));
                channel.sender().send(memory);
                IpcSharedMemory decoded = closer.add(channel.receiver().recv());
                assertEquals(memory, decoded, "a root-level handle arrives with its content");
            }
        });
    }
}
