package ipc.tests.inprocess;

import ipc.tests.contract.SharedMemoryRegionContract;

/** {@link SharedMemoryRegionContract} on the in-process transport. */
class InProcessSharedMemoryRegionTest extends SharedMemoryRegionContract {}
