package ipc.tests.inprocess;

import ipc.tests.contract.HostileInputContract;

/** {@link HostileInputContract} on the in-process transport. */
class InProcessHostileInputTest extends HostileInputContract {}
