package ipc.tests.linux;

import ipc.tests.contract.ReentrantSendContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link ReentrantSendContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxReentrantSendTest extends ReentrantSendContract {}
