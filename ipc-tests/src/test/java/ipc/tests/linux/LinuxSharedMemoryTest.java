package ipc.tests.linux;

import ipc.tests.contract.SharedMemoryContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link SharedMemoryContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxSharedMemoryTest extends SharedMemoryContract {}
