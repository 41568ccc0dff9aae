package ipc.tests.serde.protobuf;

import ipc.tests.serde.LargeValueKit;

/** A bytes field of 64 MiB through protobuf. */
class ProtobufLargeValueTest extends LargeValueKit {
    ProtobufLargeValueTest() {
        super(ProtobufKit.FIXTURE);
    }
}
