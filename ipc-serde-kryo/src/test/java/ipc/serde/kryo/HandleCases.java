package ipc.serde.kryo;

import ipc.api.Ipc;
import ipc.api.IpcBytesReceiver;
import ipc.api.IpcBytesSender;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSharedMemory;
import ipc.api.OpaqueIpcReceiver;
import ipc.api.OpaqueIpcSender;
import ipc.api.TypeRef;
import ipc.serde.kryo.Messages.Everywhere;
import ipc.serde.kryo.Messages.Point;
import ipc.serde.testsupport.Closer;
import ipc.serde.testsupport.HandleFixtures;
import ipc.serde.testsupport.HandleFixtures.Fixture;
import ipc.serde.testsupport.HandleFixtures.Maker;
import java.util.function.Predicate;
import java.util.stream.Stream;

/**
 * One case per handle type: how to make one, and how to prove that a decoded one works. The fixtures themselves are
 * {@link HandleFixtures}; this class chooses the kryo message types and serializer they use.
 */
final class HandleCases {

    private static final Point POINT = new Point(7, 8);

    /** Every channel of these cases uses this serializer, so no default needs choosing. */
    static final KryoSerializer SERIALIZER = new KryoSerializer();

    private HandleCases() {}

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

    /** Opens a channel with {@link #SERIALIZER}. */
    private static <T> IpcChannel<T> channel(Class<T> type) throws IpcException {
        return Ipc.channel(type, SERIALIZER);
    }

    static Fixture<IpcSender<Point>> sender(Closer closer) throws Exception {
        return HandleFixtures.sender(closer, HandleCases::channel, Point.class, POINT);
    }

    static Fixture<IpcReceiver<Point>> receiver(Closer closer) throws Exception {
        return HandleFixtures.receiver(closer, HandleCases::channel, Point.class, POINT);
    }

    static Fixture<IpcBytesSender> bytesSender(Closer closer) throws Exception {
        return HandleFixtures.bytesSender(closer);
    }

    static Fixture<IpcBytesReceiver> bytesReceiver(Closer closer) throws Exception {
        return HandleFixtures.bytesReceiver(closer);
    }

    static Fixture<OpaqueIpcSender> opaqueSender(Closer closer) throws Exception {
        return HandleFixtures.opaqueSender(closer, HandleCases::channel);
    }

    static Fixture<OpaqueIpcReceiver> opaqueReceiver(Closer closer) throws Exception {
        return HandleFixtures.opaqueReceiver(closer, HandleCases::channel);
    }

    static Fixture<IpcSharedMemory> sharedMemory(Closer closer) {
        return HandleFixtures.sharedMemory(closer);
    }
}
