package ipc.tests.linux;

import ipc.tests.contract.OrderingContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link OrderingContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxOrderingTest extends OrderingContract {}
