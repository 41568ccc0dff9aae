package ipc.tests.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.tests.swap.SwapChild.Placement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With all three serializer modules present, {@code -Dipc.serializer=<name>} picks the one the application uses. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class PropertyChoiceTest {

    private static final Set<String> ALL = Set.copyOf(SwapChild.SERIALIZERS);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jackson", "kryo", "protobuf"})
    void thePropertyPicksTheSerializerOnTheModulePath(String name) throws Exception {
        assertEquals("SWAP OK " + name + " ipc.serde." + name,
                SwapChild.run(Placement.MODULE_PATH, ALL, List.of("-Dipc.serializer=" + name)),
                "-Dipc.serializer=" + name + ", all three modules on the module path");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jackson", "kryo", "protobuf"})
    void thePropertyPicksTheSerializerOnTheClassPath(String name) throws Exception {
        assertEquals("SWAP OK " + name + " unnamed",
                SwapChild.run(Placement.CLASS_PATH, ALL, List.of("-Dipc.serializer=" + name)),
                "-Dipc.serializer=" + name + ", all three jars on the class path");
    }
}
