package ipc.tests.linux;

import ipc.tests.contract.RouterContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link RouterContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxRouterTest extends RouterContract {}
