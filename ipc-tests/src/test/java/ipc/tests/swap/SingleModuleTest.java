package ipc.tests.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.tests.swap.SwapChild.Placement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With exactly one serializer module present and no property, that one is the default. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SingleModuleTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jackson", "kryo", "protobuf"})
    void theOnlyModuleOnTheModulePathIsTheDefault(String name) throws Exception {
        assertEquals("SWAP OK " + name + " ipc.serde." + name,
                SwapChild.run(Placement.MODULE_PATH, Set.of(name), List.of()),
                "only ipc-serde-" + name + " on the module path, no property");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jackson", "kryo", "protobuf"})
    void theOnlyJarOnTheClassPathIsTheDefault(String name) throws Exception {
        assertEquals("SWAP OK " + name + " unnamed", SwapChild.run(Placement.CLASS_PATH, Set.of(name), List.of()),
                "only ipc-serde-" + name + " on the class path, no property");
    }
}
