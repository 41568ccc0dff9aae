package ipc.serde.protobuf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Message;
import ipc.api.Ipc;
import ipc.serde.testsupport.ChildJvm;
import ipc.serde.testsupport.ChildJvm.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

    private static String modulePath(Path... extra) {
        return ChildJvm.modulePath(List.of(ProtobufSerializer.class, Ipc.class, Message.class), extra);
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
        ChildJvm.compile(List.of("--release", "17", "-Xlint:all", "-Werror", "-d", classes.toString(), "--module-path",
                modulePath()), Stream.concat(Stream.of(moduleInfo, main), generated.stream()).toList(),
                "the consumer module compiles without warnings: ");

        Path output = work.resolve("output.txt");
        Finished child = ChildJvm.run(List.of(ChildJvm.javaLauncher(), "-Dipc.transport=inprocess",
                "--module-path", modulePath(classes), "-m", "smoke.consumer/smoke.consumer.Main"), output,
                CHILD_TIMEOUT_SECONDS);
        String printed = child.printed();
        assertEquals(0, child.exitValue(), "the child JVM succeeded; it printed: " + printed);
        assertEquals(SUCCESS, printed.strip(), "the child JVM reached the end, and printed nothing else (no"
                + " warnings): " + printed);
    }
}
