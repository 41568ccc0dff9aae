package ipc.tests.linux;

import ipc.tests.contract.ChannelContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link ChannelContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxChannelTest extends ChannelContract {}
