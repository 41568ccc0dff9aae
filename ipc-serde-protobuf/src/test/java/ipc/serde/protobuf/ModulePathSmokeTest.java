package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import ipc.api.Ipc;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The unit tests run on the class path; this one proves the module works on the module path. It compiles a small
 * consumer module, with the Java that protoc generated for {@code src/test/proto/smoke/consumer/*.proto}, that
 * {@code requires ipc.serde.protobuf}, and runs it in a child JVM with nothing on the class path: the serializer must
 * be found through {@code provides}, keep its internals unexported, find the consumer's message class, and carry a
 * handle inside a message and a {@code String}, and explain what to export for a message class it cannot reach.
 */
class ModulePathSmokeTest {

    private static final long CHILD_TIMEOUT_SECONDS = 60;
    private static final String SUCCESS = "module path OK";
    private static final Path GENERATED = Path.of(System.getProperty("ipc.test.generatedSources", "missing"),
            "smoke", "consumer");

    private static final String MODULE_INFO = """
            module smoke.consumer {
                requires ipc.serde.protobuf;
                exports smoke.consumer.messages to com.google.protobuf, ipc.serde.protobuf;
                exports smoke.consumer.half to ipc.serde.protobuf;
            }
            """;

    private static final String MAIN = """
            package smoke.consumer;

            import ipc.api.Ipc;
            import ipc.api.IpcChannel;
            import ipc.api.IpcSender;
            import ipc.api.spi.IpcSerializer;
            import ipc.serde.protobuf.IpcHandles;
            import smoke.consumer.half.HalfExported;
            import smoke.consumer.hidden.Secret;
            import smoke.consumer.messages.Envelope;

            public final class Main {
                private static void check(boolean condition, String what) {
                    if (!condition) {
                        throw new AssertionError(what);
                    }
                }

                public static void main(String[] args) throws Exception {
                    check(System.getProperty("java.class.path", "").isEmpty(), "the class path is empty");
                    IpcSerializer serializer = Ipc.defaultSerializer();
                    Module module = serializer.getClass().getModule();
                    check("ipc.serde.protobuf".equals(module.getName()), "found in module " + module);
                    check("protobuf".equals(serializer.name()), "named protobuf");
                    check(module.isExported("ipc.serde.protobuf"), "the API package is exported");
                    check(module.isExported("ipc.serde.protobuf.proto"), "the Handle package is exported");
                    check(!module.isExported("ipc.serde.protobuf.internal"), "the internals are not");
                    check(module.getDescriptor().provides().stream()
                            .anyMatch(p -> p.service().equals("ipc.api.spi.IpcSerializer")), "provides the SPI");
                    try (IpcChannel<String> replies = Ipc.channel(String.class);
                            IpcChannel<Envelope> channel = Ipc.channel(Envelope.class)) {
                        channel.sender().send(Envelope.newBuilder().setLabel("hello").addNumbers(-1)
                                .setReplyTo(IpcHandles.of(replies.sender())).build());
                        Envelope received = channel.receiver().recv();
                        check(received.getNumbersList().equals(java.util.List.of(-1L)), "the message arrived");
                        try (IpcSender<String> replyTo = IpcHandles.sender(received.getReplyTo(), String.class)) {
                            replyTo.send("pong");
                        }
                        check(replies.receiver().recv().equals("pong"), "the decoded sender works");
                    }
                    try {
                        Ipc.channel(Secret.class).close();
                        check(false, "a message class in a package not exported is refused");
                    } catch (IllegalArgumentException e) {
                        check(e.getMessage().contains("exports smoke.consumer.hidden;"), "says what to export: " + e);
                    }
                    try {
                        Ipc.channel(HalfExported.class).close();
                        check(false, "a message class in a package not exported to protobuf is refused");
                    } catch (IllegalArgumentException e) {
                        check(e.getMessage().contains("com.google.protobuf too (exports smoke.consumer.half;)"),
                                "says what to export: " + e);
                    }
                    System.out.println("%s");
                }
            }
            """.formatted(SUCCESS);

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
        Stream<String> ours = Stream.of(ProtobufSerializer.class, Ipc.class, Message.class)
                .map(ModulePathSmokeTest::locationOf);
        return Stream.concat(Stream.of(extra).map(Path::toString), ours).distinct()
                .collect(Collectors.joining(java.io.File.pathSeparator));
    }

    @Test
    void consumerModuleRunsOnTheModulePath() throws IOException, InterruptedException {
        assertTrue(Files.isDirectory(GENERATED), "the generated smoke message sources are at " + GENERATED);
        Path sources = Files.createDirectories(work.resolve("src/smoke/consumer"));
        Path moduleInfo = Files.writeString(work.resolve("src/module-info.java"), MODULE_INFO);
        Path main = Files.writeString(sources.resolve("Main.java"), MAIN);
        List<Path> generated;
        try (Stream<Path> files = Files.walk(GENERATED)) {
            generated = files.filter(file -> file.toString().endsWith(".java")).toList();
        }
        Path classes = work.resolve("classes");
        compile(classes, Stream.concat(Stream.of(moduleInfo, main), generated.stream()).toList());

        Path output = work.resolve("output.txt");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dipc.transport=inprocess", "--module-path", modulePath(classes),
                "-m", "smoke.consumer/smoke.consumer.Main")
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            assertTrue(child.waitFor(CHILD_TIMEOUT_SECONDS, TimeUnit.SECONDS), "the child JVM finished in time");
        } finally {
            child.destroyForcibly();
        }
        String printed = Files.readString(output);
        assertEquals(0, child.exitValue(), "the child JVM succeeded; it printed: " + printed);
        assertEquals(SUCCESS, printed.strip(), "the child JVM reached the end, and printed nothing else (no"
                + " warnings): " + printed);
    }

    private static void compile(Path classes, List<Path> sources) {
        ToolProvider javac = ToolProvider.findFirst("javac")
                .orElseThrow(() -> new AssertionError("this test needs a JDK with javac"));
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        List<String> arguments = Stream.concat(
                Stream.of("--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString(), "--module-path",
                        modulePath()),
                sources.stream().map(Path::toString)).collect(Collectors.toList());
        try (PrintStream out = new PrintStream(diagnostics, true, StandardCharsets.UTF_8)) {
            int status = javac.run(out, out, arguments.toArray(String[]::new));
            assertEquals(0, status, "the consumer module compiles without warnings: "
                    + diagnostics.toString(StandardCharsets.UTF_8));
        }
    }
}
