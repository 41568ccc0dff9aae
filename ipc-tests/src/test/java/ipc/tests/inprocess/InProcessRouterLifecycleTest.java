package ipc.tests.inprocess;

import ipc.tests.contract.RouterLifecycleContract;

/** {@link RouterLifecycleContract} on the in-process transport. */
class InProcessRouterLifecycleTest extends RouterLifecycleContract {}
