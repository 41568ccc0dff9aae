package ipc.tests.linux;

import ipc.tests.contract.CleanerContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link CleanerContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxCleanerTest extends CleanerContract {}
