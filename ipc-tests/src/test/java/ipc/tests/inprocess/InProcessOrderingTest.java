package ipc.tests.inprocess;

import ipc.tests.contract.OrderingContract;

/** {@link OrderingContract} on the in-process transport. */
class InProcessOrderingTest extends OrderingContract {}
