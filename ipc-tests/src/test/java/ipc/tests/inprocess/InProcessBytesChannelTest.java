package ipc.tests.inprocess;

import ipc.tests.contract.BytesChannelContract;

/** {@link BytesChannelContract} on the in-process transport. */
class InProcessBytesChannelTest extends BytesChannelContract {}
