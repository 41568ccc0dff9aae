package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import ipc.api.TypeRef;
import ipc.serde.kryo.Messages.Everywhere;
import ipc.serde.kryo.Messages.Point;
import java.nio.charset.StandardCharsets;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** One case per handle type: how to make one, and how to prove that a decoded one works. */
final class HandleCases {

    private static final Point POINT = new Point(7, 8);
    private static final byte[] BYTES = "bytes".getBytes(StandardCharsets.US_ASCII);
    private static final String TEXT = "opaque";
    /** Every channel of these cases uses this serializer, so no default needs choosing. */
    static final KryoSerializer SERIALIZER = new KryoSerializer();

    private HandleCases() {}

    /** Opens a fresh handle (and its peer) for one test. */
    interface Maker<H> {
        Fixture<H> make(Closer closer) throws Exception;
    }

    /** Uses a decoded handle against the peer of the original. */
    interface Verifier<H> {
        void assertWorks(H decoded) throws Exception;
    }

    record Fixture<H>(H handle, Verifier<H> verifier) {}

    record HandleCase<H extends AutoCloseable>(String name, TypeRef<Everywhere<H>> type, Maker<H> maker,
            Predicate<H> isOpen) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<HandleCase<?>> all() {
        return Stream.of(
                new HandleCase<>("IpcSender<Point>", new TypeRef<Everywhere<IpcSender<Point>>>() {},
                        HandleCases::sender, IpcSender::isOpen),
                new HandleCase<>("IpcReceiver<Point>", new TypeRef<Everywhere<IpcReceiver<Point>>>() {},
                        HandleCases::receiver, IpcReceiver::isOpen),
                new HandleCase<>("IpcBytesSender", new TypeRef<Everywhere<IpcBytesSender>>() {},
                        HandleCases::bytesSender, IpcBytesSender::isOpen),
                new HandleCase<>("IpcBytesReceiver", new TypeRef<Everywhere<IpcBytesReceiver>>() {},
                        HandleCases::bytesReceiver, IpcBytesReceiver::isOpen),
                new HandleCase<>("OpaqueIpcSender", new TypeRef<Everywhere<OpaqueIpcSender>>() {},
                        HandleCases::opaqueSender, OpaqueIpcSender::isOpen),
                new HandleCase<>("OpaqueIpcReceiver", new TypeRef<Everywhere<OpaqueIpcReceiver>>() {},
                        HandleCases::opaqueReceiver, OpaqueIpcReceiver::isOpen),
                new HandleCase<>("IpcSharedMemory", new TypeRef<Everywhere<IpcSharedMemory>>() {},
                        HandleCases::sharedMemory, IpcSharedMemory::isOpen));
    }

    static Fixture<IpcSender<Point>> sender(Closer closer) throws Exception {
        IpcChannel<Point> channel = closer.add(Ipc.channel(Point.class, SERIALIZER));
        return new Fixture<>(channel.sender(), decoded -> {
            decoded.send(POINT);
            assertEquals(POINT, channel.receiver().recv(), "sent through the decoded sender");
        });
    }

    static Fixture<IpcReceiver<Point>> receiver(Closer closer) throws Exception {
        IpcChannel<Point> channel = closer.add(Ipc.channel(Point.class, SERIALIZER));
        return new Fixture<>(channel.receiver(), decoded -> {
            channel.sender().send(POINT);
            assertEquals(POINT, decoded.recv(), "received on the decoded receiver");
        });
    }

    static Fixture<IpcBytesSender> bytesSender(Closer closer) throws Exception {
        IpcBytesChannel channel = closer.add(Ipc.bytesChannel());
        return new Fixture<>(channel.sender(), decoded -> {
            decoded.send(BYTES);
            assertArrayEquals(BYTES, channel.receiver().recv(), "sent through the decoded bytes sender");
        });
    }

    static Fixture<IpcBytesReceiver> bytesReceiver(Closer closer) throws Exception {
        IpcBytesChannel channel = closer.add(Ipc.bytesChannel());
        return new Fixture<>(channel.receiver(), decoded -> {
            channel.sender().send(BYTES);
            assertArrayEquals(BYTES, decoded.recv(), "received on the decoded bytes receiver");
        });
    }

    static Fixture<OpaqueIpcSender> opaqueSender(Closer closer) throws Exception {
        IpcChannel<String> channel = closer.add(Ipc.channel(String.class, SERIALIZER));
        return new Fixture<>(channel.sender().toOpaque(), decoded -> {
            decoded.to(String.class).send(TEXT);
            assertEquals(TEXT, channel.receiver().recv(), "sent through a typed view of the decoded sender");
        });
    }

    static Fixture<OpaqueIpcReceiver> opaqueReceiver(Closer closer) throws Exception {
        IpcChannel<String> channel = closer.add(Ipc.channel(String.class, SERIALIZER));
        return new Fixture<>(channel.receiver().toOpaque(), decoded -> {
            channel.sender().send(TEXT);
            assertEquals(TEXT, decoded.to(String.class).recv(), "received on a typed view of the decoded receiver");
        });
    }

    static Fixture<IpcSharedMemory> sharedMemory(Closer closer) {
        IpcSharedMemory memory = closer.add(IpcSharedMemory.fromBytes(BYTES));
        return new Fixture<>(memory, decoded ->
                assertArrayEquals(BYTES, decoded.toByteArray(), "the decoded region shows the same bytes"));
    }
}
