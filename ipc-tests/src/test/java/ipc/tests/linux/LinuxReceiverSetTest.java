package ipc.tests.linux;

import ipc.tests.contract.ReceiverSetContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link ReceiverSetContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxReceiverSetTest extends ReceiverSetContract {}
