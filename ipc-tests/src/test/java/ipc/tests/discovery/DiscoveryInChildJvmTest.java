package ipc.tests.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.tests.children.DiscoveryProbe;
import ipc.tests.children.SecondSerializer;
import ipc.tests.support.ChildJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What a user sees when the jars present do not make one transport and one serializer. */
@Timeout(value = 2, unit = java.util.concurrent.TimeUnit.MINUTES)
class DiscoveryInChildJvmTest {

    private static String probe(List<String> classPath) throws Exception {
        try (ChildJvm child = ChildJvm.startOnClassPath(classPath, DiscoveryProbe.class)) {
            assertEquals(Optional.of(0), child.waitFor(60), child::output);
            // The JVM may print warnings of its own; the probe's answer is its one CHANNEL line.
            return child.output().lines().filter(line -> line.startsWith("CHANNEL ")).findFirst()
                    .orElseThrow(() -> new AssertionError("no CHANNEL line in:\n" + child.output()));
        }
    }

    /**
     * This JVM's path entries without {@code artifacts}, and with Jackson as the only serializer (ipc-tests also
     * depends on Kryo and protobuf, for the conformance kit; the swap tests cover several serializers).
     */
    private static List<String> pathWithout(String... artifacts) {
        List<String> entries = new ArrayList<>();
        for (String entry : ChildJvm.currentPathEntries()) {
            if (Stream.concat(Stream.of(artifacts), Stream.of("ipc-serde-kryo", "ipc-serde-protobuf"))
                    .noneMatch(entry::contains)) {
                entries.add(entry);
            }
        }
        return entries;
    }

    @Test
    void noTransportModuleNamesThePlatformAndTheModuleToAdd() throws Exception {
        String output = probe(pathWithout("ipc-transport-linux"));
        String platform = System.getProperty("os.name").toLowerCase().replace(' ', '-') + "/"
                + System.getProperty("os.arch");
        assertTrue(output.startsWith("CHANNEL FAILED No supported IPC transport on " + platform + ". Found: "
                + "inprocess (used only when -Dipc.transport=inprocess)."), output);
        if (platform.startsWith("linux")) {
            assertTrue(output.endsWith("Add ipc-transport-linux to the module path or class path."), output);
        }
    }

    @Test
    void noSerializerModuleSaysWhichToAdd() throws Exception {
        String output = probe(pathWithout("ipc-serde-jackson"));
        assertTrue(output.startsWith("CHANNEL FAILED No IPC serializer found"), output);
        assertTrue(output.contains("Add one of ipc-serde-jackson, ipc-serde-kryo or ipc-serde-protobuf"), output);
    }

    @Test
    void twoSerializersWithoutThePropertyAreNeverPickedByOrder(@TempDir Path services) throws Exception {
        Path file = services.resolve("META-INF/services/ipc.api.spi.IpcSerializer");
        Files.createDirectories(file.getParent());
        Files.writeString(file, SecondSerializer.class.getName() + "\n");
        List<String> classPath = pathWithout();
        classPath.add(services.toString());
        String output = probe(classPath);
        assertEquals("CHANNEL FAILED Several IPC serializers found: jackson, second. Choose one with "
                + "-Dipc.serializer=<name>, or pass one to Ipc.channel(type, serializer).", output.replace(
                        "second, jackson", "jackson, second"), output);
    }
}
