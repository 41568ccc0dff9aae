package ipc.tests.linux;

import ipc.tests.contract.OpaqueContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link OpaqueContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxOpaqueTest extends OpaqueContract {}
