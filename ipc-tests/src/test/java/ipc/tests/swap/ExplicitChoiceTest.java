package ipc.tests.swap;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.tests.swap.SwapChild.Placement;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code Ipc.channel(type, Ipc.serializer(name))} works with all three modules present and no property (where the
 * default would be ambiguous), and wins over the property.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ExplicitChoiceTest {

    private static final Set<String> ALL = Set.copyOf(SwapChild.SERIALIZERS);

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"jackson", "kryo", "protobuf"})
    void anExplicitChoiceNeedsNoProperty(String name) throws Exception {
        assertEquals("SWAP OK " + name + " ipc.serde." + name,
                SwapChild.run(Placement.MODULE_PATH, ALL, List.of(), "explicit", name),
                "Ipc.serializer(\"" + name + "\") passed to Ipc.channel, all three present, no property");
    }

    @Test
    void anExplicitChoiceWinsOverTheProperty() throws Exception {
        assertEquals("SWAP OK kryo unnamed",
                SwapChild.run(Placement.CLASS_PATH, ALL, List.of("-Dipc.serializer=jackson"), "explicit", "kryo"),
                "Ipc.serializer(\"kryo\") with -Dipc.serializer=jackson");
    }
}
