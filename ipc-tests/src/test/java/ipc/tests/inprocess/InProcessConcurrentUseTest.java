package ipc.tests.inprocess;

import ipc.tests.contract.ConcurrentUseContract;

/** {@link ConcurrentUseContract} on the in-process transport. */
class InProcessConcurrentUseTest extends ConcurrentUseContract {}
