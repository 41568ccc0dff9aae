package ipc.tests.inprocess;

import ipc.tests.contract.SharedMemoryContract;

/** {@link SharedMemoryContract} on the in-process transport. */
class InProcessSharedMemoryTest extends SharedMemoryContract {}
