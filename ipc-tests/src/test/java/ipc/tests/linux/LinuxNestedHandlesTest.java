package ipc.tests.linux;

import ipc.tests.contract.NestedHandlesContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link NestedHandlesContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxNestedHandlesTest extends NestedHandlesContract {}
