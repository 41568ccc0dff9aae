package ipc.tests.inprocess;

import ipc.tests.contract.ReentrantSendContract;

/** {@link ReentrantSendContract} on the in-process transport. */
class InProcessReentrantSendTest extends ReentrantSendContract {}
