package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.api.spi.Types;
import ipc.serde.jackson.Messages.Point;
import ipc.serde.jackson.Messages.WithSender;
import ipc.serde.testsupport.Closer;
import ipc.serde.testsupport.FakeContexts;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;

/** The handle table is asked for exactly the generic type declared where each handle appears. */
class HandleTypingTest {

    private final JacksonSerializer serializer = new JacksonSerializer();

    record Generic(IpcSender<List<Point>> lists, IpcReceiver<Map<String, int[]>> maps, IpcSender<Point[]> arrays,
            IpcSender<List<Point>[]> genericArrays, IpcSender<? extends Point> wildcard) {}

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
            Generic value = new Generic(lists.sender(), maps.receiver(), arrays.sender(), genericArrays.sender(),
                    points.sender());

            MessageCodec<Generic> codec = serializer.codec(TypeRef.of(Generic.class));
            FakeContexts.Encoding encoding = new FakeContexts.Encoding();
            codec.encode(value, encoding);
            FakeContexts.Decoding decoding = new FakeContexts.Decoding(encoding.handles());
            Generic decoded = codec.decode(ByteBuffer.wrap(encoding.payload()), decoding);

            assertEquals(value, decoded, "the fake table hands back the very same handles");
            for (RecordComponent component : Generic.class.getRecordComponents()) {
                Object handle = component.getAccessor().invoke(value);
                Type requested = decoding.requestedTypes().get(encoding.handles().indexOf(handle));
                Type expected = component.getName().equals("wildcard")
                        ? Types.parameterized(IpcSender.class, Point.class) // Jackson resolves to the bound.
                        : component.getGenericType();
                assertEquals(expected, requested, "declared type requested for " + component.getName());
                assertEquals(requested, expected, "and equal the other way round, for " + component.getName());
                assertEquals(expected.hashCode(), requested.hashCode(), "same hash code for " + component.getName());
            }
        }
    }

    @Test
    void mapperCalledDirectlyRefusesHandlesClearly() throws Exception {
        try (IpcChannel<Point> points = Ipc.channel(Point.class, serializer)) {
            JacksonException writing = assertThrows(JacksonException.class,
                    () -> serializer.mapper().writeValueAsBytes(new WithSender(points.sender())),
                    "writing a handle without a message");
            assertTrue(writing.getMessage().contains("outside an ipc-channel message"),
                    "the failure says why: " + writing.getMessage());

            byte[] indexZero = serializer.mapper().writeValueAsBytes(Map.of("handle", 0));
            JacksonException reading = assertThrows(JacksonException.class,
                    () -> serializer.mapper().readValue(indexZero, WithSender.class),
                    "reading a handle without a message");
            assertTrue(reading.getMessage().contains("outside an ipc-channel message"),
                    "the failure says why: " + reading.getMessage());
        }
    }

    @Test
    void codecsArePreparedOncePerType() {
        assertSame(serializer.codec(TypeRef.of(Point.class)), serializer.codec(TypeRef.of(Point.class)),
                "one codec per class");
        assertSame(serializer.codec(new TypeRef<List<Point>>() {}), serializer.codec(new TypeRef<List<Point>>() {}),
                "one codec per generic type, whichever TypeRef instance asks");
    }
}
