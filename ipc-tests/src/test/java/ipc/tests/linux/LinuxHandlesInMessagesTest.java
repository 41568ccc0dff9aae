package ipc.tests.linux;

import ipc.tests.contract.HandlesInMessagesContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link HandlesInMessagesContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxHandlesInMessagesTest extends HandlesInMessagesContract {}
