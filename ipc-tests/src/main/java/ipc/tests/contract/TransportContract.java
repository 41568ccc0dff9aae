package ipc.tests.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ipc.api.Ipc;
import org.junit.jupiter.api.Test;

/** Guards the suite itself: the contracts run on the transport the JVM was told to use. */
public abstract class TransportContract {

    /** The transport name the concrete test class expects, such as {@code inprocess}. */
    protected abstract String expectedTransport();

    @Test
    public void runsOnTheExpectedTransport() throws Exception {
        String name = Ipc.transportName();
        assertFalse(name.isBlank(), "the transport has a name");
        assertEquals(expectedTransport(), name, "the contracts in this JVM run on the expected transport "
                + "(-Dipc.transport=" + System.getProperty("ipc.transport") + ")");
    }
}
