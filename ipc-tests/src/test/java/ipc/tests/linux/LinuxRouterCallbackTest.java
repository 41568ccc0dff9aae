package ipc.tests.linux;

import ipc.tests.contract.RouterCallbackContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link RouterCallbackContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxRouterCallbackTest extends RouterCallbackContract {}
