package ipc.tests.inprocess;

import ipc.tests.contract.LimitsContract;

/** {@link LimitsContract} on the in-process transport. */
class InProcessLimitsTest extends LimitsContract {}
