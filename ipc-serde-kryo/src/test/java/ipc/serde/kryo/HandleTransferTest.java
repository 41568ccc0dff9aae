package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import ipc.api.TypeRef;
import ipc.serde.kryo.HandleCases.HandleCase;
import ipc.serde.kryo.Messages.AllHandles;
import ipc.serde.kryo.Messages.Envelope;
import ipc.serde.kryo.Messages.Everywhere;
import ipc.serde.kryo.Messages.Point;
import ipc.serde.kryo.Messages.TwoViews;
import ipc.serde.testsupport.Closer;
import ipc.serde.testsupport.HandleFixtures.Fixture;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Handles of every type travel inside messages, at any depth, and arrive working. */
class HandleTransferTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final KryoSerializer serializer = HandleCases.SERIALIZER;

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
                var sender = HandleCases.sender(closer);
                var receiver = HandleCases.receiver(closer);
                var bytesSender = HandleCases.bytesSender(closer);
                var bytesReceiver = HandleCases.bytesReceiver(closer);
                var opaqueSender = HandleCases.opaqueSender(closer);
                var opaqueReceiver = HandleCases.opaqueReceiver(closer);
                Fixture<IpcSharedMemory> memory = HandleCases.sharedMemory(closer);
                IpcChannel<AllHandles> channel = closer.add(Ipc.channel(AllHandles.class, serializer));

                channel.sender().send(new AllHandles(sender.handle(), receiver.handle(), bytesSender.handle(),
                        bytesReceiver.handle(), opaqueSender.handle(), opaqueReceiver.handle(), memory.handle()));
                AllHandles decoded = channel.receiver().recv();
                for (AutoCloseable handle : List.<AutoCloseable>of(decoded.sender(), decoded.receiver(),
                        decoded.bytesSender(), decoded.bytesReceiver(), decoded.opaqueSender(),
                        decoded.opaqueReceiver(), decoded.memory())) {
                    closer.add(handle);
                }

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
                IpcChannel<Point> points = closer.add(Ipc.channel(Point.class, serializer));
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

    @Test
    void handlesWhereObjectIsDeclaredArriveOpaque() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (Closer closer = new Closer()) {
                Fixture<ipc.api.IpcSender<Point>> sender = HandleCases.sender(closer);
                Fixture<ipc.api.IpcReceiver<Point>> receiver = HandleCases.receiver(closer);
                Fixture<IpcSharedMemory> memory = HandleCases.sharedMemory(closer);
                IpcChannel<Envelope> channel = closer.add(Ipc.channel(Envelope.class, serializer));
                channel.sender().send(new Envelope(sender.handle(), List.of(receiver.handle(), memory.handle(),
                        sender.handle())));
                Envelope decoded = channel.receiver().recv();

                OpaqueIpcSender opaqueSender = closer.add(assertInstanceOf(OpaqueIpcSender.class, decoded.payload(),
                        "a sender where Object is declared arrives as an opaque sender"));
                OpaqueIpcReceiver opaqueReceiver = closer.add(assertInstanceOf(OpaqueIpcReceiver.class,
                        decoded.extras().get(0), "a receiver arrives as an opaque receiver"));
                IpcSharedMemory region = closer.add(assertInstanceOf(IpcSharedMemory.class, decoded.extras().get(1),
                        "shared memory arrives as itself"));
                assertSame(opaqueSender, decoded.extras().get(2), "the sender reachable twice arrives once");
                sender.verifier().assertWorks(opaqueSender.to(Point.class));
                receiver.verifier().assertWorks(opaqueReceiver.to(Point.class));
                memory.verifier().assertWorks(region);
            }
        });
    }
}
