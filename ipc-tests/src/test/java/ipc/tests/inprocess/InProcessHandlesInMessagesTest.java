package ipc.tests.inprocess;

import ipc.tests.contract.HandlesInMessagesContract;

/** {@link HandlesInMessagesContract} on the in-process transport. */
class InProcessHandlesInMessagesTest extends HandlesInMessagesContract {}
