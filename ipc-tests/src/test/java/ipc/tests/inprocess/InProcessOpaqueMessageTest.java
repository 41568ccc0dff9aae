package ipc.tests.inprocess;

import ipc.tests.contract.OpaqueMessageContract;

/** {@link OpaqueMessageContract} on the in-process transport. */
class InProcessOpaqueMessageTest extends OpaqueMessageContract {}
