package ipc.tests.inprocess;

import ipc.tests.contract.OneShotServerContract;

/** {@link OneShotServerContract} on the in-process transport. */
class InProcessOneShotServerTest extends OneShotServerContract {}
