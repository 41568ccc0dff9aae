package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.TypeRef;
import ipc.serde.protobuf.HandleCases.Fixture;
import ipc.serde.protobuf.HandleCases.HandleCase;
import ipc.serde.protobuf.fixtures.AllHandles;
import ipc.serde.protobuf.fixtures.Everywhere;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.protobuf.proto.Handle;
import ipc.serde.testsupport.Closer;
import ipc.serde.testsupport.FakeContexts;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Handles of every type travel in Handle fields at any depth, once each, and arrive working. */
class HandleTransferTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private static final Point UNRELATED = Point.newBuilder().setX(5).build();

    private final ProtobufSerializer serializer = new ProtobufSerializer();

    static Stream<HandleCase> handleCases() {
        return HandleCases.all();
    }

    /** {@code handle} in every kind of place: singular, repeated, map value, nested, oneof. */
    static Everywhere everywhere(Handle handle) {
        Everywhere.Nested deep = Everywhere.Nested.newBuilder().addMore(handle).build();
        Everywhere.Nested nested = Everywhere.Nested.newBuilder().setInner(handle).setDeeper(deep).build();
        return Everywhere.newBuilder().setDirect(handle).addList(handle).addList(handle).putByName("key", handle)
                .setNested(nested).addNestedList(nested).putNestedById(7, nested).setChosen(handle)
                .setUnrelated(UNRELATED).build();
    }

    static List<Handle> allPlaces(Everywhere message) {
        return List.of(message.getDirect(), message.getList(0), message.getList(1), message.getByNameOrThrow("key"),
                message.getNested().getInner(), message.getNested().getDeeper().getMore(0),
                message.getNestedList(0).getInner(), message.getNestedByIdOrThrow(7).getDeeper().getMore(0),
                message.getChosen());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("handleCases")
    void handleAtEveryDepthArrivesOnceAndWorks(HandleCase handleCase) {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (Closer closer = new Closer()) {
                Fixture fixture = handleCase.maker().make(closer, serializer);
                Everywhere sent = everywhere(fixture.handle());
                FakeContexts.Encoding encoding = new FakeContexts.Encoding();
                serializer.codec(TypeRef.of(Everywhere.class)).encode(sent, encoding);
                assertEquals(List.of(fixture.local()), encoding.handles(), "nine places, one handle in the table");

                IpcChannel<Everywhere> channel = closer.add(Ipc.channel(Everywhere.class, serializer));
                channel.sender().send(sent);
                Everywhere received = channel.receiver().recv();
                Handle first = received.getDirect();
                assertNotSame(fixture.handle(), first, "the receiving side has its own Handle");
                for (Handle place : allPlaces(received)) {
                    assertSame(first, place, "every place holds the one Handle of the one handle");
                }
                assertEquals(UNRELATED, received.getUnrelated(), "the other fields arrive too");
                AutoCloseable view = closer.add(fixture.verifier().assertWorks(first));

                IpcHandles.close(received.getList(1));
                assertFalse(fixture.isOpen().test(view), "closing through any place closes the one OS handle");
                assertTrue(fixture.isOpen().test(fixture.local()), "sending a handle leaves the local one open");
            }
        }, () -> handleCase + " transfer blocked");
    }

    @Test
    void everyHandleTypeInOneMessage() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (Closer closer = new Closer()) {
                List<Fixture> fixtures = HandleCases.all().map(c -> {
                    try {
                        return c.maker().make(closer, serializer);
                    } catch (Exception e) {
                        throw new AssertionError("making " + c, e);
                    }
                }).toList();
                AllHandles sent = AllHandles.newBuilder().setSender(fixtures.get(0).handle())
                        .setReceiver(fixtures.get(1).handle()).setBytesSender(fixtures.get(2).handle())
                        .setBytesReceiver(fixtures.get(3).handle()).setOpaqueSender(fixtures.get(4).handle())
                        .setOpaqueReceiver(fixtures.get(5).handle()).setMemory(fixtures.get(6).handle()).build();
                IpcChannel<AllHandles> channel = closer.add(Ipc.channel(AllHandles.class, serializer));
                channel.sender().send(sent);
                AllHandles received = channel.receiver().recv();
                List<Handle> handles = List.of(received.getSender(), received.getReceiver(),
                        received.getBytesSender(), received.getBytesReceiver(), received.getOpaqueSender(),
                        received.getOpaqueReceiver(), received.getMemory());
                for (int i = 0; i < fixtures.size(); i++) {
                    closer.add(fixtures.get(i).verifier().assertWorks(handles.get(i)));
                }
            }
        });
    }

    @Test
    void twoHandlesOfOneObjectTravelOnce() throws Exception {
        try (Closer closer = new Closer()) {
            Fixture fixture = HandleCases.sender(closer, serializer);
            Everywhere sent = Everywhere.newBuilder().setDirect(fixture.handle())
                    .addList(IpcHandles.of((ipc.api.IpcSender<?>) fixture.local())).build();
            FakeContexts.Encoding encoding = new FakeContexts.Encoding();
            serializer.codec(TypeRef.of(Everywhere.class)).encode(sent, encoding);
            assertEquals(1, encoding.handles().size(), "one handle in the table: " + encoding.handles());

            IpcChannel<Everywhere> channel = closer.add(Ipc.channel(Everywhere.class, serializer));
            channel.sender().send(sent);
            Everywhere received = channel.receiver().recv();
            assertSame(received.getDirect(), received.getList(0), "one handle arrives as one Handle");
        }
    }

    @Test
    void receivedMessageCanBeForwardedAndChanged() {
        assertTimeoutPreemptively(TIMEOUT, () -> {
            try (Closer closer = new Closer()) {
                Fixture fixture = HandleCases.sender(closer, serializer);
                IpcChannel<Everywhere> first = closer.add(Ipc.channel(Everywhere.class, serializer));
                IpcChannel<Everywhere> second = closer.add(Ipc.channel(Everywhere.class, serializer));
                first.sender().send(everywhere(fixture.handle()));
                Everywhere hop = first.receiver().recv();
                second.sender().send(hop.toBuilder().setUnrelated(Point.newBuilder().setY(1)).build());
                second.sender().send(hop);
                Everywhere changed = second.receiver().recv();
                Everywhere same = second.receiver().recv();
                assertEquals(1, changed.getUnrelated().getY(), "the change arrived");
                closer.add(fixture.verifier().assertWorks(changed.getNested().getInner()));
                closer.add(fixture.verifier().assertWorks(same.getNestedList(0).getInner()));
                assertTrue(fixture.isOpen().test(fixture.local()), "the original handle is still open");
            }
        });
    }

    @Test
    void messageWithoutHandlesIsWrittenAsItIs() throws Exception {
        Everywhere plain = Everywhere.newBuilder().setPoint(UNRELATED).setNested(Everywhere.Nested.getDefaultInstance())
                .build();
        FakeContexts.Encoding encoding = new FakeContexts.Encoding();
        serializer.codec(TypeRef.of(Everywhere.class)).encode(plain, encoding);
        assertEquals(List.of(), encoding.handles(), "no handles");
        assertEquals(plain.toByteString(), com.google.protobuf.ByteString.copyFrom(encoding.payload()),
                "the payload is protobuf's own encoding of the message");
    }
}
