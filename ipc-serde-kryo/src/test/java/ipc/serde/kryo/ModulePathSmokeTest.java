package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.minlog.Log;
import com.esotericsoftware.reflectasm.FieldAccess;
import ipc.api.Ipc;
import ipc.api.TypeRef;
import ipc.serde.testsupport.ChildJvm;
import ipc.serde.testsupport.ChildJvm.Finished;
import ipc.serde.testsupport.FakeContexts;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objenesis.Objenesis;

/**
 * The unit tests run on the class path; this one proves the module works on the module path. It compiles a small
 * consumer module ({@code src/test/resources/smoke}) that {@code requires ipc.serde.kryo} and runs it in a child JVM
 * with nothing on the class path: the serializer must be found through {@code provides}, keep its internals
 * unexported, and carry records, a sealed hierarchy, a plain class without a no-argument constructor (objenesis)
 * and a handle. The child also prints its encoding of a sample message, which this JVM, on the class path, must
 * reproduce byte for byte: registration IDs and fingerprints agree across processes and across both paths.
 */
class ModulePathSmokeTest {

    private static final long CHILD_TIMEOUT_SECONDS = 60;
    private static final String SUCCESS = "module path OK";
    private static final Pattern PAYLOAD = Pattern.compile("payload=([0-9a-f]+)");
    private static final int UNSAFE_FLAG_SINCE = 24;

    @TempDir
    Path work;

    private static String modulePath(Path... extra) {
        return ChildJvm.modulePath(List.of(KryoSerializer.class, Ipc.class, Kryo.class, Objenesis.class, Log.class,
                FieldAccess.class), extra);
    }

    @Test
    void consumerModuleRunsOnTheModulePath() throws Exception {
        Path classes = compileConsumer();
        Path output = work.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(ChildJvm.javaLauncher(), "-Dipc.transport=inprocess"));
        if (Runtime.version().feature() >= UNSAFE_FLAG_SINCE) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("--module-path", modulePath(classes), "-m", "smoke.consumer/smoke.consumer.Main"));
        Finished child = ChildJvm.run(command, output, CHILD_TIMEOUT_SECONDS);
        String printed = child.printed();
        assertEquals(0, child.exitValue(), "the child JVM succeeded; it printed: " + printed);
        assertTrue(printed.contains(SUCCESS), "the child JVM reached the end; it printed: " + printed);
        assertTrue(!printed.contains("WARNING"), "the child JVM printed no warning: " + printed);

        Matcher payload = PAYLOAD.matcher(printed);
        assertTrue(payload.find(), "the child printed its encoding: " + printed);
        assertEquals(payload.group(1), encodeHereOnTheClassPath(classes),
                "the class path encodes the consumer's sample exactly as the module path did");
    }

    /** Loads the consumer's classes into this (class path) JVM and encodes its sample with a serializer of ours. */
    private static String encodeHereOnTheClassPath(Path classes) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()},
                ModulePathSmokeTest.class.getClassLoader())) {
            Class<?> main = loader.loadClass("smoke.consumer.Main");
            Object sample = main.getMethod("sample").invoke(null);
            FakeContexts.Encoding encoding = new FakeContexts.Encoding();
            new KryoSerializer().codec(TypeRef.ofType(sample.getClass())).encode(cast(sample), encoding);
            return HexFormat.of().formatHex(encoding.payload());
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object value) {
        return (T) value;
    }

    private Path compileConsumer() throws IOException {
        Path sources = work.resolve("src");
        for (String file : List.of("module-info.java", "smoke/consumer/Main.java")) {
            Path target = sources.resolve(file);
            Files.createDirectories(target.getParent());
            try (var in = ModulePathSmokeTest.class.getResourceAsStream("/smoke/" + file)) {
                Files.copy(in, target);
            }
        }
        Path classes = work.resolve("classes");
        ChildJvm.compile(List.of("--release", "17", "-d", classes.toString(), "--module-path", modulePath()),
                List.of(sources.resolve("module-info.java"), sources.resolve("smoke/consumer/Main.java")),
                "the consumer module compiles: ");
        return classes;
    }
}
