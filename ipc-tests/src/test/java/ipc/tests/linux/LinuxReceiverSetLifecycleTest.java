package ipc.tests.linux;

import ipc.tests.contract.ReceiverSetLifecycleContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link ReceiverSetLifecycleContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxReceiverSetLifecycleTest extends ReceiverSetLifecycleContract {}
