package ipc.tests.inprocess;

import ipc.tests.contract.NestedHandlesContract;

/** {@link NestedHandlesContract} on the in-process transport. */
class InProcessNestedHandlesTest extends NestedHandlesContract {}
