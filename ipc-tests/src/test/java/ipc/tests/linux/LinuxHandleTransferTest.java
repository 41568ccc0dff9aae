package ipc.tests.linux;

import ipc.tests.contract.HandleTransferContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link HandleTransferContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxHandleTransferTest extends HandleTransferContract {}
