package ipc.tests.linux;

import ipc.tests.contract.HostileInputContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link HostileInputContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxHostileInputTest extends HostileInputContract {}
