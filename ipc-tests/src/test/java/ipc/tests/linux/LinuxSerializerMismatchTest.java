package ipc.tests.linux;

import ipc.tests.contract.SerializerMismatchContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link SerializerMismatchContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxSerializerMismatchTest extends SerializerMismatchContract {}
