package ipc.tests.serde.protobuf;

import ipc.tests.serde.TruncatedInputKit;

/** Every cut of a message's encoding is rejected by protobuf. */
class ProtobufTruncatedInputTest extends TruncatedInputKit {
    ProtobufTruncatedInputTest() {
        super(ProtobufKit.FIXTURE);
    }
}
