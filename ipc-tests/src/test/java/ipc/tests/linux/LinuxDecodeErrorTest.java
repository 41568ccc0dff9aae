package ipc.tests.linux;

import ipc.tests.contract.DecodeErrorContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link DecodeErrorContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxDecodeErrorTest extends DecodeErrorContract {}
