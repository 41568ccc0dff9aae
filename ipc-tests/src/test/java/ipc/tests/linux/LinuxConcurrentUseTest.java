package ipc.tests.linux;

import ipc.tests.contract.ConcurrentUseContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link ConcurrentUseContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxConcurrentUseTest extends ConcurrentUseContract {}
