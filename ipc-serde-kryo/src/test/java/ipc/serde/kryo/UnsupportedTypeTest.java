package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.Serializer;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import ipc.api.Ipc;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.testsupport.FakeContexts;
import java.io.File;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Types the walk cannot write fail when the channel is created, saying where; a Kryo serializer fixes that. */
class UnsupportedTypeTest {

    record WithFile(String name, Map<String, List<File>> files) {}

    /** An inner class: its instances need an enclosing instance. */
    final class Inner {
        int value;
    }

    record WithInner(Inner inner) {}

    private final KryoSerializer serializer = new KryoSerializer();

    @Test
    void unsupportedJdkClassDeepInsideIsReportedWithItsPath() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Ipc.channel(WithFile.class, serializer), "java.io.File is not supported");
        String message = e.getMessage();
        assertTrue(message.contains("kryo") && message.contains(WithFile.class.getName()),
                "names the serializer and the type: " + message);
        assertTrue(message.contains(".files{value}[]") && message.contains("java.io.File"),
                "says where the File is: " + message);
    }

    @Test
    void innerClassesAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> serializer.codec(TypeRef.of(WithInner.class)), "an inner class");
        assertTrue(e.getMessage().contains("inner (non-static) class"), "says why: " + e.getMessage());
    }

    /** Writes a File as its path. */
    static final class FileSerializer extends Serializer<File> {
        @Override
        public void write(Kryo kryo, Output output, File file) {
            output.writeString(file.getPath());
        }

        @Override
        public File read(Kryo kryo, Input input, Class<? extends File> type) {
            return new File(input.readString());
        }
    }

    @Test
    void aRegisteredKryoSerializerMakesAClassWritable() throws Exception {
        KryoSerializer withFiles = KryoSerializer.configured(kryo -> kryo.register(File.class, new FileSerializer()));
        MessageCodec<WithFile> codec = withFiles.codec(TypeRef.of(WithFile.class));
        WithFile value = new WithFile("n", Map.of("k", List.of(new File("/a/b"))));
        assertEquals(value, FakeContexts.decode(codec, FakeContexts.encode(codec, value)),
                "the application's serializer writes the File wherever it appears");
    }
}
