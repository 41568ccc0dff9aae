package ipc.tests.linux;

import ipc.tests.contract.OpaqueMessageContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link OpaqueMessageContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxOpaqueMessageTest extends OpaqueMessageContract {}
