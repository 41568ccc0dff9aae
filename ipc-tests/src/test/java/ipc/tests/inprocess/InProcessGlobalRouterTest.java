package ipc.tests.inprocess;

import ipc.tests.contract.GlobalRouterContract;

/** {@link GlobalRouterContract} on the in-process transport. */
class InProcessGlobalRouterTest extends GlobalRouterContract {}
