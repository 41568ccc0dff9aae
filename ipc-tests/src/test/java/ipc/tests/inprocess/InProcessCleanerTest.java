package ipc.tests.inprocess;

import ipc.tests.contract.CleanerContract;

/** {@link CleanerContract} on the in-process transport. */
class InProcessCleanerTest extends CleanerContract {}
