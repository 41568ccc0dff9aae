package ipc.tests.inprocess;

import ipc.tests.contract.SerializerMismatchContract;

/** {@link SerializerMismatchContract} on the in-process transport. */
class InProcessSerializerMismatchTest extends SerializerMismatchContract {}
