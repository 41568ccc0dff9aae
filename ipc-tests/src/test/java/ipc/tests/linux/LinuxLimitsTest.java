package ipc.tests.linux;

import ipc.tests.contract.LimitsContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link LimitsContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxLimitsTest extends LimitsContract {}
