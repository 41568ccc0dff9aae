package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcSharedMemory;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.protobuf.proto.Handle;
import ipc.serde.testsupport.Closer;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** One case per handle type: how to make one to send, and how to check a received one works. */
final class HandleCases {

    private static final Point POINT = Point.newBuilder().setX(7).setY(-7).build();
    private static final byte[] BYTES = {1, 2, 3};

    private HandleCases() {}

    /** Makes a local handle, registering what it opens with the closer. */
    interface Maker {
        Fixture make(Closer closer, ProtobufSerializer serializer) throws Exception;
    }

    /** Takes the handle out of a received Handle and proves it works; returns what it took out. */
    interface Verifier {
        AutoCloseable assertWorks(Handle received) throws Exception;
    }

    /** A local handle, the Handle made for it, and how to check the far side. */
    record Fixture(Object local, Handle handle, Verifier verifier, Predicate<Object> isOpen) {}

    /** A named way to make fixtures. */
    record HandleCase(String name, Maker maker) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<HandleCase> all() {
        return Stream.of(new HandleCase("IpcSender", HandleCases::sender),
                new HandleCase("IpcReceiver", HandleCases::receiver),
                new HandleCase("IpcBytesSender", HandleCases::bytesSender),
                new HandleCase("IpcBytesReceiver", HandleCases::bytesReceiver),
                new HandleCase("OpaqueIpcSender", HandleCases::opaqueSender),
                new HandleCase("OpaqueIpcReceiver", HandleCases::opaqueReceiver),
                new HandleCase("IpcSharedMemory", HandleCases::sharedMemory));
    }

    static Fixture sender(Closer closer, ProtobufSerializer serializer) throws Exception {
        IpcChannel<Point> channel = closer.add(Ipc.channel(Point.class, serializer));
        return new Fixture(channel.sender(), IpcHandles.of(channel.sender()), received -> {
            var sender = IpcHandles.sender(received, Point.class);
            sender.send(POINT);
            assertEquals(POINT, channel.receiver().recv(), "the received sender reaches the original channel");
            return sender;
        }, handle -> ((ipc.api.IpcSender<?>) handle).isOpen());
    }

    static Fixture receiver(Closer closer, ProtobufSerializer serializer) throws Exception {
        IpcChannel<Point> channel = closer.add(Ipc.channel(Point.class, serializer));
        return new Fixture(channel.receiver(), IpcHandles.of(channel.receiver()), received -> {
            var receiver = IpcHandles.receiver(received, Point.class);
            channel.sender().send(POINT);
            assertEquals(POINT, receiver.recv(), "the received receiver reads the original channel");
            return receiver;
        }, handle -> ((ipc.api.IpcReceiver<?>) handle).isOpen());
    }

    static Fixture bytesSender(Closer closer, ProtobufSerializer serializer) throws Exception {
        IpcBytesChannel channel = closer.add(Ipc.bytesChannel());
        return new Fixture(channel.sender(), IpcHandles.of(channel.sender()), received -> {
            var sender = IpcHandles.bytesSender(received);
            sender.send(BYTES);
            assertArrayEquals(BYTES, channel.receiver().recv(), "the received bytes sender works");
            return sender;
        }, handle -> ((ipc.api.IpcBytesSender) handle).isOpen());
    }

    static Fixture bytesReceiver(Closer closer, ProtobufSerializer serializer) throws Exception {
        IpcBytesChannel channel = closer.add(Ipc.bytesChannel());
        return new Fixture(channel.receiver(), IpcHandles.of(channel.receiver()), received -> {
            var receiver = IpcHandles.bytesReceiver(received);
            channel.sender().send(BYTES);
            assertArrayEquals(BYTES, receiver.recv(), "the received bytes receiver works");
            return receiver;
        }, handle -> ((ipc.api.IpcBytesReceiver) handle).isOpen());
    }

    static Fixture opaqueSender(Closer closer, ProtobufSerializer serializer) throws Exception {
        IpcChannel<Point> channel = closer.add(Ipc.channel(Point.class, serializer));
        var opaque = channel.sender().toOpaque();
        return new Fixture(opaque, IpcHandles.of(opaque), received -> {
            var sender = IpcHandles.opaqueSender(received);
            sender.to(Point.class).send(POINT);
            assertEquals(POINT, channel.receiver().recv(), "the received opaque sender works");
            return sender;
        }, handle -> ((ipc.api.OpaqueIpcSender) handle).isOpen());
    }

    static Fixture opaqueReceiver(Closer closer, ProtobufSerializer serializer) throws Exception {
        IpcChannel<Point> channel = closer.add(Ipc.channel(Point.class, serializer));
        var opaque = channel.receiver().toOpaque();
        return new Fixture(opaque, IpcHandles.of(opaque), received -> {
            var receiver = IpcHandles.opaqueReceiver(received);
            channel.sender().send(POINT);
            assertEquals(POINT, receiver.to(Point.class).recv(), "the received opaque receiver works");
            return receiver;
        }, handle -> ((ipc.api.OpaqueIpcReceiver) handle).isOpen());
    }

    static Fixture sharedMemory(Closer closer, ProtobufSerializer serializer) throws Exception {
        IpcSharedMemory memory = closer.add(IpcSharedMemory.fromBytes(BYTES));
        return new Fixture(memory, IpcHandles.of(memory), received -> {
            IpcSharedMemory region = IpcHandles.sharedMemory(received);
            assertArrayEquals(BYTES, region.toByteArray(), "the received region has the contents");
            return region;
        }, handle -> ((IpcSharedMemory) handle).isOpen());
    }
}
