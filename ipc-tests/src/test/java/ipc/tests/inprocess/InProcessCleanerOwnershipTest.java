package ipc.tests.inprocess;

import ipc.tests.contract.CleanerOwnershipContract;

/** {@link CleanerOwnershipContract} on the in-process transport. */
class InProcessCleanerOwnershipTest extends CleanerOwnershipContract {}
