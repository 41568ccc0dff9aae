package ipc.tests.linux;

import ipc.tests.contract.CleanerOwnershipContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link CleanerOwnershipContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxCleanerOwnershipTest extends CleanerOwnershipContract {}
