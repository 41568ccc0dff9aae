package ipc.tests.linux;

import ipc.tests.contract.GlobalRouterContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link GlobalRouterContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxGlobalRouterTest extends GlobalRouterContract {}
