package ipc.tests.jpms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ipc.api.Ipc;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The library also runs from the plain class path, found through its META-INF/services files. */
@EnabledOnOs(OS.LINUX)
class ClassPathTest {

    @Test
    void runsUnnamedAndFindsProvidersThroughServiceFiles() throws Exception {
        assertFalse(Ipc.class.getModule().isNamed(), "ipc.api is on the class path in this run");
        assertEquals("linux", Ipc.transportName(), "META-INF/services of ipc-transport-linux");
        assertEquals("jackson", Ipc.defaultSerializer().name(), "META-INF/services of ipc-serde-jackson");
    }
}
