package ipc.tests.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.spi.IpcSerializer;
import java.lang.module.ModuleDescriptor;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The library really runs as named modules: descriptors, services and no jar of ours on the class path. */
@EnabledOnOs(OS.LINUX)
class ModulePathTest {

    @Test
    void noneOfOurJarsIsOnTheClassPath() {
        String classPath = System.getProperty("java.class.path", "");
        for (String artifact : Set.of("ipc-api", "ipc-transport-linux", "ipc-serde-jackson")) {
            assertFalse(classPath.contains(artifact), artifact + " must be on the module path: " + classPath);
        }
        assertTrue(Ipc.class.getModule().isNamed(), "ipc.api is a named module");
    }

    @Test
    void descriptorsDeclareTheServices() {
        ModuleDescriptor api = Ipc.class.getModule().getDescriptor();
        assertEquals(Set.of("ipc.api.spi.TransportProvider", "ipc.api.spi.IpcSerializer"), api.uses(),
                "ipc.api uses both SPIs");
        assertEquals(Set.of("ipc.api", "ipc.api.spi"), api.exports().stream().map(ModuleDescriptor.Exports::source)
                .collect(Collectors.toSet()), "only the API and the SPI are exported");
        assertEquals(Set.of("ipc.api.internal.inprocess.InProcessTransportProvider"), providers(api),
                "ipc.api provides the in-process transport");
        ModuleDescriptor linux = ModuleLayer.boot().findModule("ipc.transport.linux").orElseThrow().getDescriptor();
        assertEquals(Set.of("ipc.transport.linux.LinuxTransportProvider"), providers(linux),
                "ipc.transport.linux provides the linux transport");
        ModuleDescriptor jackson = ModuleLayer.boot().findModule("ipc.serde.jackson").orElseThrow().getDescriptor();
        assertEquals(Set.of("ipc.serde.jackson.JacksonSerializer"), providers(jackson),
                "ipc.serde.jackson provides the serializer");
    }

    private static Set<String> providers(ModuleDescriptor descriptor) {
        return descriptor.provides().stream().flatMap(p -> p.providers().stream()).collect(Collectors.toSet());
    }

    @Test
    void discoveryThroughProvidesFindsLinuxAndJackson() throws Exception {
        assertEquals("linux", Ipc.transportName(), "the transport found on the module path");
        IpcSerializer serializer = Ipc.defaultSerializer();
        assertEquals("jackson", serializer.name(), "the serializer found on the module path");
        assertTrue(serializer.getClass().getModule().isNamed(), "and it is loaded as a named module");
    }
}
