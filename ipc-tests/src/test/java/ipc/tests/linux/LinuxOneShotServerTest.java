package ipc.tests.linux;

import ipc.tests.contract.OneShotServerContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link OneShotServerContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxOneShotServerTest extends OneShotServerContract {}
