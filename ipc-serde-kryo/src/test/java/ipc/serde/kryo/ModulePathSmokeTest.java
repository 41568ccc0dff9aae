package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.minlog.Log;
import com.esotericsoftware.reflectasm.FieldAccess;
import ipc.api.Ipc;
import ipc.api.TypeRef;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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

    /** Where a class was loaded from: a jar, or a classes directory of the reactor. */
    private static String locationOf(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("Cannot locate " + type, e);
        }
    }

    private static String modulePath(Path... extra) {
        Stream<String> ours = Stream.of(KryoSerializer.class, Ipc.class, Kryo.class, Objenesis.class, Log.class,
                FieldAccess.class).map(ModulePathSmokeTest::locationOf);
        return Stream.concat(Stream.of(extra).map(Path::toString), ours).distinct()
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    @Test
    void consumerModuleRunsOnTheModulePath() throws Exception {
        Path classes = compileConsumer();
        Path output = work.resolve("output.txt");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Dipc.transport=inprocess"));
        if (Runtime.version().feature() >= UNSAFE_FLAG_SINCE) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("--module-path", modulePath(classes), "-m", "smoke.consumer/smoke.consumer.Main"));
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertTrue(child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the child JVM finished in time");
        } finally {
            child.destroyForcibly();
        }
        String printed = Files.readString(output);
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
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new AssertionError("this test needs a JDK with javac"));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = List.of("--release", "17", "-d", classes.toString(), "--module-path", modulePath(),
                sources.resolve("module-info.java").toString(), sources.resolve("smoke/consumer/Main.java").toString());
        try (PrintStream out = new PrintStream(diagnostics, true, StandardCharsets.UTF_8)) {
            int status = javac.run(out, out, arguments.toArray(String[]::new));
            assertEquals(0, status, "the consumer module compiles: " + diagnostics.toString(StandardCharsets.UTF_8));
        }
        return classes;
    }
}
