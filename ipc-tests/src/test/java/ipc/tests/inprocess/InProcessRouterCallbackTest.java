package ipc.tests.inprocess;

import ipc.tests.contract.RouterCallbackContract;

/** {@link RouterCallbackContract} on the in-process transport. */
class InProcessRouterCallbackTest extends RouterCallbackContract {}
