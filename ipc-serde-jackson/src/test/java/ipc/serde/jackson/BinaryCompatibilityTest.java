package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.jackson.Messages.Blob;
import ipc.serde.testsupport.FakeContexts;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.module.SimpleModule;
import tools.jackson.dataformat.cbor.CBORMapper;
import tools.jackson.dataformat.cbor.CBORWriteFeature;

/**
 * The faster {@code byte[]} path reads every CBOR form of a byte array as Jackson's own deserializer does, and
 * steps aside for an application's {@code byte[]} deserializer.
 */
class BinaryCompatibilityTest {

    private static final int BYTES = 2 << 5;
    private static final int BYTES_INDEFINITE = BYTES | 31;
    private static final int TEXT = 3 << 5;
    private static final int ARRAY = 4 << 5;
    private static final int BREAK = 0xFF;
    private static final int UNDEFINED = 0xF7;
    private static final int SIMPLE_VALUE_16 = 0xF0;
    private static final int NULL = 0xF6;
    /** Over the size from which Jackson gathers a definite-length byte string in a segmented buffer. */
    private static final int CHUNK = 300_000;

    private static final MessageCodec<byte[]> CODEC = new JacksonSerializer().codec(TypeRef.of(byte[].class));
    private static final CBORMapper PLAIN = new CBORMapper();

    private static byte[] chunked(int... chunkLengths) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(BYTES_INDEFINITE);
        int value = 0;
        for (int length : chunkLengths) {
            out.write(BYTES | 26);
            out.writeBytes(ByteBuffer.allocate(Integer.BYTES).putInt(length).array());
            for (int i = 0; i < length; i++) {
                out.write(value++);
            }
        }
        out.write(BREAK);
        return out.toByteArray();
    }

    static Stream<Arguments> encodings() {
        byte[] base64 = Base64.getEncoder().encode(new byte[] {1, 2, 3, 4});
        ByteBuffer text = ByteBuffer.allocate(1 + base64.length).put((byte) (TEXT | base64.length)).put(base64);
        return Stream.of(
                Arguments.of("empty byte string", new byte[] {(byte) BYTES}),
                Arguments.of("short byte string", new byte[] {(byte) (BYTES | 3), 7, 8, 9}),
                Arguments.of("chunked byte string", chunked(3, 0, CHUNK, 5)),
                Arguments.of("empty chunked byte string", chunked()),
                Arguments.of("chunked, one chunk truncated", Arrays.copyOf(chunked(10, CHUNK), 20 + CHUNK)),
                Arguments.of("Base64 text", text.array()),
                Arguments.of("array of numbers", new byte[] {(byte) (ARRAY | 2), 1, 0x18, (byte) 200}),
                Arguments.of("tagged byte string", new byte[] {(byte) 0xD8, 24, (byte) (BYTES | 1), 42}),
                Arguments.of("undefined", new byte[] {(byte) UNDEFINED}),
                Arguments.of("simple value", new byte[] {(byte) SIMPLE_VALUE_16}),
                Arguments.of("null", new byte[] {(byte) NULL}));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("encodings")
    void readsEveryFormAsJacksonDoes(String name, byte[] payload) {
        Object expected = outcome(() -> PLAIN.readValue(payload, byte[].class));
        for (ByteBuffer data : List.of(ByteBuffer.wrap(payload), ByteBuffer.wrap(payload).asReadOnlyBuffer())) {
            Object actual = outcome(() -> CODEC.decode(data.duplicate(), FakeContexts.Decoding.empty()));
            if (expected instanceof byte[] bytes) {
                assertArrayEquals(bytes, (byte[]) actual, name);
            } else if (expected == null) {
                assertNull(actual, name + ": null, as Jackson reads it");
            } else {
                assertEquals(IpcSerializationException.class, actual, name + ": Jackson refuses it with " + expected);
            }
        }
    }

    /** The decoded value, or the class of what decoding threw. */
    private static Object outcome(ThrowingSupplier action) {
        try {
            return action.get();
        } catch (Exception e) {
            return e.getClass() == IpcSerializationException.class ? IpcSerializationException.class : e;
        }
    }

    @FunctionalInterface
    private interface ThrowingSupplier {
        Object get() throws Exception;
    }

    @Test
    void undefinedInARecordIsNullAsWithJackson() throws Exception {
        byte[] blob = FakeContexts.encode(new JacksonSerializer().codec(TypeRef.of(Blob.class)), new Blob("n", null));
        int data = blob.length - 2; // the map is written with indefinite length: its last byte is a break
        assertEquals(NULL, blob[data] & 0xFF, "the record ends with its null data");
        blob[data] = (byte) UNDEFINED;
        assertNull(PLAIN.readValue(blob, Blob.class).data(), "Jackson reads undefined as null");
        assertNull(FakeContexts.decode(new JacksonSerializer().codec(TypeRef.of(Blob.class)), blob).data(),
                "so does the serializer");
    }

    @Test
    void stringReferencesResolve() throws Exception {
        JacksonSerializer serializer = JacksonSerializer.configured(b -> b.enable(CBORWriteFeature.STRINGREF));
        MessageCodec<List<byte[]>> codec = serializer.codec(new TypeRef<List<byte[]>>() {});
        byte[] repeated = LargeBinaryTest.pattern(CHUNK);
        List<byte[]> decoded = FakeContexts.decode(codec, FakeContexts.encode(codec, List.of(repeated, repeated)));
        assertArrayEquals(repeated, decoded.get(0), "the byte string");
        assertArrayEquals(repeated, decoded.get(1), "the reference to it");
    }

    @Test
    void anApplicationByteArrayDeserializerIsKept() throws Exception {
        SimpleModule reversing = new SimpleModule().addDeserializer(byte[].class, new ValueDeserializer<>() {
            @Override
            public byte[] deserialize(JsonParser p, DeserializationContext ctxt) throws JacksonException {
                byte[] bytes = p.getBinaryValue();
                byte[] reversed = new byte[bytes.length];
                for (int i = 0; i < bytes.length; i++) {
                    reversed[i] = bytes[bytes.length - 1 - i];
                }
                return reversed;
            }
        });
        for (JacksonSerializer serializer : List.of(JacksonSerializer.configured(b -> b.addModule(reversing)),
                JacksonSerializer.withMapper(CBORMapper.builder().addModule(reversing).build()))) {
            MessageCodec<byte[]> codec = serializer.codec(TypeRef.of(byte[].class));
            assertArrayEquals(new byte[] {3, 2, 1}, FakeContexts.decode(codec,
                    FakeContexts.encode(codec, new byte[] {1, 2, 3})), "the application's deserializer ran");
        }
    }
}
