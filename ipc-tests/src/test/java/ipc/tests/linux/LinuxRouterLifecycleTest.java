package ipc.tests.linux;

import ipc.tests.contract.RouterLifecycleContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link RouterLifecycleContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxRouterLifecycleTest extends RouterLifecycleContract {}
