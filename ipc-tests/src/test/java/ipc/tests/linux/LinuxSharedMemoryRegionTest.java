package ipc.tests.linux;

import ipc.tests.contract.SharedMemoryRegionContract;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** {@link SharedMemoryRegionContract} on the Linux transport. */
@EnabledOnOs(OS.LINUX)
class LinuxSharedMemoryRegionTest extends SharedMemoryRegionContract {}
