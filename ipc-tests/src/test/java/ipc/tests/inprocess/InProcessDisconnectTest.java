package ipc.tests.inprocess;

import ipc.tests.contract.DisconnectContract;

/** {@link DisconnectContract} on the in-process transport. */
class InProcessDisconnectTest extends DisconnectContract {}
