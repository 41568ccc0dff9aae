package ipc.tests.swap;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.tests.swap.SwapChild.Placement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Several serializer modules and no choice: channel creation fails, naming the ones found and the property. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class AmbiguousChoiceTest {

    private static void assertAmbiguous(String line, Set<String> present, String what) {
        assertTrue(line.startsWith("SWAP FAILED Several IPC serializers found: "), what + ": " + line);
        assertTrue(line.contains("-Dipc.serializer=<name>"), what + ", names the property: " + line);
        for (String name : SwapChild.SERIALIZERS) {
            assertTrue(line.contains(name) == present.contains(name),
                    what + ", names " + (present.contains(name) ? "" : "not ") + name + ": " + line);
        }
    }

    @Test
    void twoOnTheClassPathWithoutThePropertyFailNamingBoth() throws Exception {
        Set<String> present = Set.of("jackson", "kryo");
        assertAmbiguous(SwapChild.run(Placement.CLASS_PATH, present, List.of()), present,
                "jackson and kryo on the class path");
    }

    @Test
    void twoOnTheModulePathWithoutThePropertyFailNamingBoth() throws Exception {
        Set<String> present = Set.of("kryo", "protobuf");
        assertAmbiguous(SwapChild.run(Placement.MODULE_PATH, present, List.of()), present,
                "kryo and protobuf on the module path");
    }

    @Test
    void allThreeWithoutThePropertyFailNamingAll() throws Exception {
        Set<String> present = Set.copyOf(SwapChild.SERIALIZERS);
        String line = SwapChild.run(Placement.MODULE_PATH, present, List.of());
        assertAmbiguous(line, present, "all three on the module path");
        assertFalse(line.contains("SWAP OK"), "no serializer is picked by order: " + line);
    }
}
