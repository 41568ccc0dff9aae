package ipc.tests.inprocess;

import ipc.tests.contract.ReceiverSetLifecycleContract;

/** {@link ReceiverSetLifecycleContract} on the in-process transport. */
class InProcessReceiverSetLifecycleTest extends ReceiverSetLifecycleContract {}
