package ipc.tests.inprocess;

import ipc.tests.contract.HandleTransferContract;

/** {@link HandleTransferContract} on the in-process transport. */
class InProcessHandleTransferTest extends HandleTransferContract {}
