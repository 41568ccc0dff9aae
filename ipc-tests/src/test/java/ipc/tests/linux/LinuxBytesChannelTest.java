package ipc.tests.linux;

import ipc.tests.contract.BytesChannelContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link BytesChannelContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxBytesChannelTest extends BytesChannelContract {}
