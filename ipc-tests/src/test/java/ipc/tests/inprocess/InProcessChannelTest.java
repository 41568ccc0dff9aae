package ipc.tests.inprocess;

import ipc.tests.contract.ChannelContract;

/** {@link ChannelContract} on the in-process transport. */
class InProcessChannelTest extends ChannelContract {}
