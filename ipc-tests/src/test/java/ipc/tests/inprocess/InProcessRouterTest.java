package ipc.tests.inprocess;

import ipc.tests.contract.RouterContract;

/** {@link RouterContract} on the in-process transport. */
class InProcessRouterTest extends RouterContract {}
