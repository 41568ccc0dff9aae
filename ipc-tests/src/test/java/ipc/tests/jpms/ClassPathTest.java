package ipc.tests.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ipc.api.Ipc;
import ipc.api.spi.IpcSerializer;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * The library also runs from the plain class path, found through its META-INF/services files: a stale entry (a
 * renamed or moved provider) would make {@link ServiceLoader} throw here.
 */
@EnabledOnOs(OS.LINUX)
class ClassPathTest {

    @Test
    void runsUnnamedAndFindsProvidersThroughServiceFiles() throws Exception {
        assertFalse(Ipc.class.getModule().isNamed(), "ipc.api is on the class path in this run");
        assertEquals("linux", Ipc.transportName(), "META-INF/services of ipc-transport-linux");
        assertEquals("jackson", Ipc.defaultSerializer().name(), "-Dipc.serializer=jackson picks the default");
    }

    @Test
    void everySerializerIsFoundThroughItsServiceFile() throws Exception {
        Map<String, String> found = new TreeMap<>();
        for (IpcSerializer serializer : ServiceLoader.load(IpcSerializer.class)) {
            assertFalse(serializer.getClass().getModule().isNamed(), serializer + " is loaded from the class path");
            found.put(serializer.name(), serializer.getClass().getName());
        }
        assertEquals(Map.of("jackson", "ipc.serde.jackson.JacksonSerializer",
                "kryo", "ipc.serde.kryo.KryoSerializer",
                "protobuf", "ipc.serde.protobuf.ProtobufSerializer"), found,
                "the META-INF/services files of the three serializer jars, and nothing else");
        for (String name : found.keySet()) {
            assertEquals(name, Ipc.serializer(name).name(), "Ipc.serializer(\"" + name + "\")");
        }
    }
}
