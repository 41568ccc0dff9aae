package ipc.tests.serde.protobuf;

import ipc.tests.serde.FailedDecodeKit;

/** Handles of messages that protobuf fails to decode are closed. */
class ProtobufFailedDecodeTest extends FailedDecodeKit {
    ProtobufFailedDecodeTest() {
        super(ProtobufKit.FIXTURE);
    }
}
