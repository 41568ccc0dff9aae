package ipc.tests.inprocess;

import ipc.tests.contract.OpaqueContract;

/** {@link OpaqueContract} on the in-process transport. */
class InProcessOpaqueTest extends OpaqueContract {}
