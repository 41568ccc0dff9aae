package ipc.serde.jackson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import ipc.api.Ipc;
import ipc.serde.testsupport.ChildJvm;
import ipc.serde.testsupport.ChildJvm.Finished;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.cbor.CBORMapper;

/**
 * The unit tests run on the class path; this one proves the module works on the module path. It compiles a small
 * consumer module that {@code requires ipc.serde.jackson} and runs it in a child JVM with nothing on the class
 * path: the serializer must be found through {@code provides}, keep its internals unexported, and carry a message
 * with a handle inside.
 */
class ModulePathSmokeTest {

    private static final long CHILD_TIMEOUT_SECONDS = 60;
    private static final String SUCCESS = "module path OK";

    private static final String MODULE_INFO = """
            module smoke.consumer {
                requires ipc.serde.jackson;
                opens smoke.consumer to tools.jackson.databind;
            }
            """;

    private static final String MAIN = """
            package smoke.consumer;

            import ipc.api.Ipc;
            import ipc.api.IpcChannel;
            import ipc.api.IpcSender;
            import ipc.api.spi.IpcSerializer;
            import java.util.List;

            public final class Main {
                public record Point(int x, int y) {}

                public record Envelope(String label, IpcSender<Point> replyTo, List<Point> points) {}

                private static void check(boolean condition, String what) {
                    if (!condition) {
                        throw new AssertionError(what);
                    }
                }

                public static void main(String[] args) throws Exception {
                    check(System.getProperty("java.class.path", "").isEmpty(), "the class path is empty");
                    IpcSerializer serializer = Ipc.defaultSerializer();
                    Module module = serializer.getClass().getModule();
                    check("ipc.serde.jackson".equals(module.getName()), "found in module " + module);
                    check("jackson".equals(serializer.name()), "named jackson");
                    check(module.isExported("ipc.serde.jackson"), "the API package is exported");
                    check(!module.isExported("ipc.serde.jackson.internal"), "the internals are not");
                    check(module.getDescriptor().provides().stream()
                            .anyMatch(p -> p.service().equals("ipc.api.spi.IpcSerializer")), "provides the SPI");
                    try (IpcChannel<Point> replies = Ipc.channel(Point.class);
                            IpcChannel<Envelope> channel = Ipc.channel(Envelope.class)) {
                        channel.sender().send(new Envelope("hello", replies.sender(), List.of(new Point(1, 2))));
                        Envelope received = channel.receiver().recv();
                        check(received.points().equals(List.of(new Point(1, 2))), "the record arrived");
                        try (IpcSender<Point> replyTo = received.replyTo()) {
                            replyTo.send(new Point(3, 4));
                        }
                        check(replies.receiver().recv().equals(new Point(3, 4)), "the decoded sender works");
                    }
                    System.out.println("%s");
                }
            }
            """.formatted(SUCCESS);

    @TempDir
    Path work;

    private static String modulePath(Path... extra) {
        return ChildJvm.modulePath(List.of(JacksonSerializer.class, Ipc.class, CBORMapper.class, ObjectMapper.class,
                TokenStreamFactory.class, JsonTypeInfo.class), extra);
    }

    @Test
    void consumerModuleRunsOnTheModulePath() throws IOException, InterruptedException {
        Path sources = Files.createDirectories(work.resolve("src/smoke/consumer"));
        Path moduleInfo = Files.writeString(work.resolve("src/module-info.java"), MODULE_INFO);
        Path main = Files.writeString(sources.resolve("Main.java"), MAIN);
        Path classes = work.resolve("classes");
        ChildJvm.compile(List.of("--release", "17", "-d", classes.toString(), "--module-path", modulePath()),
                List.of(moduleInfo, main), "the consumer module compiles: ");

        Path output = work.resolve("output.txt");
        Finished child = ChildJvm.run(List.of(ChildJvm.javaLauncher(), "-Dipc.transport=inprocess",
                "--module-path", modulePath(classes), "-m", "smoke.consumer/smoke.consumer.Main"), output,
                CHILD_TIMEOUT_SECONDS);
        String printed = child.printed();
        assertEquals(0, child.exitValue(), "the child JVM succeeded; it printed: " + printed);
        assertTrue(printed.contains(SUCCESS), "the child JVM reached the end; it printed: " + printed);
    }
}
