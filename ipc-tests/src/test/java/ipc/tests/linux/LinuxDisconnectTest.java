package ipc.tests.linux;

import ipc.tests.contract.DisconnectContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link DisconnectContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxDisconnectTest extends DisconnectContract {}
