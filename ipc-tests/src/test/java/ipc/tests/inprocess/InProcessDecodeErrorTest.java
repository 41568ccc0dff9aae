package ipc.tests.inprocess;

import ipc.tests.contract.DecodeErrorContract;

/** {@link DecodeErrorContract} on the in-process transport. */
class InProcessDecodeErrorTest extends DecodeErrorContract {}
