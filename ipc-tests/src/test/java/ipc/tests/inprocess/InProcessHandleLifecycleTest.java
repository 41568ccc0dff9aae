package ipc.tests.inprocess;

import ipc.tests.contract.HandleLifecycleContract;

/** {@link HandleLifecycleContract} on the in-process transport. */
class InProcessHandleLifecycleTest extends HandleLifecycleContract {}
