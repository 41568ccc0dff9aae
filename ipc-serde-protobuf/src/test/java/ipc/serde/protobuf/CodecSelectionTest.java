package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.AbstractMessage;
import com.google.protobuf.DynamicMessage;
import com.google.protobuf.GeneratedMessage;
import com.google.protobuf.Message;
import ipc.api.IpcSender;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.serde.protobuf.fixtures.Point;
import ipc.serde.protobuf.proto.Handle;
import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Which declared types get a codec, which are refused and how; discovery through the service loader. */
class CodecSelectionTest {

    private final ProtobufSerializer serializer = new ProtobufSerializer();

    static Stream<TypeRef<?>> unsupportedTypes() {
        return Stream.of(TypeRef.of(Object.class), TypeRef.of(Short.class), TypeRef.of(int[].class),
                new TypeRef<List<Point>>() {}, new TypeRef<IpcSender<Point>>() {}, TypeRef.of(IpcSender.class),
                TypeRef.of(Message.class), TypeRef.of(AbstractMessage.class), TypeRef.of(GeneratedMessage.class),
                TypeRef.of(DynamicMessage.class), TypeRef.of(Point.Builder.class), TypeRef.of(Handle.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsupportedTypes")
    void unsupportedTypeIsRefusedWithWhatIsSupported(TypeRef<?> type) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> serializer.codec(type),
                type + " is refused");
        String message = e.getMessage();
        assertTrue(message.contains("'protobuf'") && message.contains(type.toString()),
                "names the serializer and the type: " + message);
        assertTrue(message.contains("generated protobuf message classes") && message.contains("String, byte[]"),
                "lists what is supported: " + message);
    }

    @Test
    void codecIsMadeOncePerType() {
        assertSame(serializer.codec(TypeRef.of(Point.class)), serializer.codec(TypeRef.of(Point.class)),
                "the codec of a message class is cached");
        assertSame(serializer.codec(TypeRef.of(String.class)), serializer.codec(TypeRef.of(String.class)),
                "the codec of a wrapped type is cached");
    }

    @Test
    void everyWrappedTypeAndWellKnownMessageHasACodec() {
        for (Class<?> type : List.of(String.class, byte[].class, Integer.class, Long.class, Boolean.class,
                Double.class, Float.class, com.google.protobuf.Timestamp.class, com.google.protobuf.Any.class)) {
            assertTrue(serializer.codec(TypeRef.of(type)) != null, "a codec for " + type.getName());
        }
    }

    @Test
    void serviceLoaderFindsTheSerializer() {
        List<IpcSerializer> found = ServiceLoader.load(IpcSerializer.class).stream()
                .map(ServiceLoader.Provider::get).filter(s -> s.name().equals("protobuf")).toList();
        assertEquals(1, found.size(), "one protobuf serializer is registered: " + found);
        assertTrue(found.get(0) instanceof ProtobufSerializer, "it is ProtobufSerializer: " + found);
        assertEquals(false, serializer.allowsUnknownFields(), "the default rejects unknown fields");
        assertEquals(true, ProtobufSerializer.allowingUnknownFields().allowsUnknownFields(), "the variant allows them");
    }
}
