package ipc.tests.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.spi.IpcSerializer;
import java.lang.module.ModuleDescriptor;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The library really runs as named modules: descriptors, services and no jar of ours on the class path. */
@EnabledOnOs(OS.LINUX)
class ModulePathTest {

    /** Each serializer module and the one provider its descriptor declares. */
    private static final Map<String, String> SERIALIZER_PROVIDERS = Map.of(
            "ipc.serde.jackson", "ipc.serde.jackson.JacksonSerializer",
            "ipc.serde.kryo", "ipc.serde.kryo.KryoSerializer",
            "ipc.serde.protobuf", "ipc.serde.protobuf.ProtobufSerializer");

    @Test
    void noneOfOurJarsIsOnTheClassPath() {
        String classPath = System.getProperty("java.class.path", "");
        for (String artifact : Set.of("ipc-api", "ipc-transport-linux", "ipc-serde-jackson", "ipc-serde-kryo",
                "ipc-serde-protobuf")) {
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
        ModuleDescriptor linux = descriptor("ipc.transport.linux");
        assertEquals(Set.of("ipc.transport.linux.LinuxTransportProvider"), providers(linux),
                "ipc.transport.linux provides the linux transport");
        SERIALIZER_PROVIDERS.forEach((module, provider) -> {
            ModuleDescriptor descriptor = descriptor(module);
            assertEquals(Set.of(provider), providers(descriptor), module + " provides its serializer, only");
            assertEquals(Set.of("ipc.api.spi.IpcSerializer"), descriptor.provides().stream()
                    .map(ModuleDescriptor.Provides::service).collect(Collectors.toSet()),
                    module + " provides the serializer SPI, nothing else");
            assertTrue(descriptor.uses().isEmpty(), module + " uses no service: " + descriptor.uses());
        });
    }

    private static ModuleDescriptor descriptor(String module) {
        return ModuleLayer.boot().findModule(module)
                .orElseThrow(() -> new AssertionError(module + " is not in the boot layer")).getDescriptor();
    }

    private static Set<String> providers(ModuleDescriptor descriptor) {
        return descriptor.provides().stream().flatMap(p -> p.providers().stream()).collect(Collectors.toSet());
    }

    @Test
    void discoveryThroughProvidesFindsLinuxAndEverySerializer() throws Exception {
        assertEquals("linux", Ipc.transportName(), "the transport found on the module path");
        IpcSerializer serializer = Ipc.defaultSerializer();
        assertEquals("jackson", serializer.name(), "-Dipc.serializer=jackson picks the default among three");
        for (Map.Entry<String, String> entry : SERIALIZER_PROVIDERS.entrySet()) {
            String name = entry.getKey().substring("ipc.serde.".length());
            IpcSerializer found = Ipc.serializer(name);
            assertEquals(entry.getValue(), found.getClass().getName(), "the provider named " + name);
            assertEquals(entry.getKey(), found.getClass().getModule().getName(),
                    name + " is loaded from its named module");
        }
    }
}
