package ipc.tests.linux;

import ipc.tests.contract.HandleLifecycleContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link HandleLifecycleContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxHandleLifecycleTest extends HandleLifecycleContract {}
