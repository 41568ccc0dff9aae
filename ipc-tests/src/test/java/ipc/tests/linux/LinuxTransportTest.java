package ipc.tests.linux;

import ipc.tests.contract.TransportContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link TransportContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxTransportTest extends TransportContract {

    @Override
    protected String expectedTransport() {
        return "linux";
    }
}
