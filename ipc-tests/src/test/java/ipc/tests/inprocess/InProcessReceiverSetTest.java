package ipc.tests.inprocess;

import ipc.tests.contract.ReceiverSetContract;

/** {@link ReceiverSetContract} on the in-process transport. */
class InProcessReceiverSetTest extends ReceiverSetContract {}
