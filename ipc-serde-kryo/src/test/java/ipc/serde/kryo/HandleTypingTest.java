package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.api.spi.Types;
import ipc.serde.kryo.Messages.Box;
import ipc.serde.kryo.Messages.Point;
import ipc.serde.testsupport.Closer;
import ipc.serde.testsupport.FakeContexts;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The handle table is asked for exactly the generic type declared where each handle appears. */
class HandleTypingTest {

    private final KryoSerializer serializer = HandleCases.SERIALIZER;

    record Generic(IpcSender<List<Point>> lists, IpcReceiver<Map<String, int[]>> maps, IpcSender<Point[]> arrays,
            IpcSender<List<Point>[]> genericArrays, IpcSender<? extends Point> wildcard,
            Box<IpcSender<Map<Long, Point>>> throughTypeVariable) {}

    @Test
    void declaredGenericTypesReachTheHandleTable() throws Exception {
        try (Closer closer = new Closer()) {
            IpcChannel<List<Point>> lists = closer.add(Ipc.channel(new TypeRef<List<Point>>() {}, serializer));
            IpcChannel<Map<String, int[]>> maps = closer.add(Ipc.channel(new TypeRef<Map<String, int[]>>() {},
                    serializer));
            IpcChannel<Point[]> arrays = closer.add(Ipc.channel(Point[].class, serializer));
            IpcChannel<List<Point>[]> genericArrays = closer.add(Ipc.channel(new TypeRef<List<Point>[]>() {},
                    serializer));
            IpcChannel<Point> points = closer.add(Ipc.channel(Point.class, serializer));
            IpcChannel<Map<Long, Point>> byId = closer.add(Ipc.channel(new TypeRef<Map<Long, Point>>() {},
                    serializer));
            Generic value = new Generic(lists.sender(), maps.receiver(), arrays.sender(), genericArrays.sender(),
                    points.sender(), new Box<>(byId.sender()));

            MessageCodec<Generic> codec = serializer.codec(TypeRef.of(Generic.class));
            FakeContexts.Encoding encoding = new FakeContexts.Encoding();
            codec.encode(value, encoding);
            FakeContexts.Decoding decoding = new FakeContexts.Decoding(encoding.handles());
            Generic decoded = codec.decode(ByteBuffer.wrap(encoding.payload()), decoding);

            assertEquals(value, decoded, "the fake table hands back the very same handles");
            Map<Object, Type> expected = Map.of(
                    value.lists(), Types.parameterized(IpcSender.class, Types.parameterized(List.class, Point.class)),
                    value.maps(), Types.parameterized(IpcReceiver.class,
                            Types.parameterized(Map.class, String.class, int[].class)),
                    value.arrays(), Types.parameterized(IpcSender.class, Point[].class),
                    value.genericArrays(), Types.parameterized(IpcSender.class,
                            Types.arrayOf(Types.parameterized(List.class, Point.class))),
                    value.wildcard(), Types.parameterized(IpcSender.class, Point.class),
                    value.throughTypeVariable().content(), Types.parameterized(IpcSender.class,
                            Types.parameterized(Map.class, Long.class, Point.class)));
            expected.forEach((handle, type) -> assertEquals(type,
                    decoding.requestedTypes().get(encoding.handles().indexOf(handle)),
                    "the declared type asked for " + type.getTypeName()));
        }
    }

    @Test
    void aBadIndexIsADecodeError() throws Exception {
        try (Closer closer = new Closer()) {
            IpcChannel<Point> points = closer.add(Ipc.channel(Point.class, serializer));
            MessageCodec<Messages.WithSender> codec = serializer.codec(TypeRef.of(Messages.WithSender.class));
            byte[] payload = FakeContexts.encode(codec, new Messages.WithSender(points.sender()));
            IpcSerializationException e = assertThrows(IpcSerializationException.class,
                    () -> FakeContexts.decode(codec, payload), "a handle index with no handle behind it");
            assertTrue(e.getMessage().contains("handle index") && e.getMessage().contains("kryo")
                    && e.getMessage().contains("WithSender"), "the message explains: " + e.getMessage());
        }
    }

    @Test
    void handlesOutsideAMessageAreRefused() throws Exception {
        try (IpcChannel<Point> points = Ipc.channel(Point.class, serializer)) {
            KryoSerializer customized = KryoSerializer.configured(kryo -> { });
            MessageCodec<Messages.WithSender> codec = customized.codec(TypeRef.of(Messages.WithSender.class));
            IpcSerializationException e = assertThrows(IpcSerializationException.class, () -> codec.encode(
                    new Messages.WithSender(points.sender()), new ipc.api.spi.EncodeContext() {
                        @Override
                        public java.io.OutputStream output() {
                            return java.io.OutputStream.nullOutputStream();
                        }

                        @Override
                        public int handleIndex(Object handle) {
                            throw new IllegalStateException("this context refuses handles");
                        }
                    }), "the context's refusal surfaces");
            assertTrue(e.getMessage().contains("refuses handles"), "the cause is kept: " + e.getMessage());
        }
    }
}
