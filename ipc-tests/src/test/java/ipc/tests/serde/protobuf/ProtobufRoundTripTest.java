package ipc.tests.serde.protobuf;

import ipc.tests.serde.RoundTripKit;

/** Messages, the analog of generics, repeated and map fields, presence and empty messages through protobuf. */
class ProtobufRoundTripTest extends RoundTripKit {
    ProtobufRoundTripTest() {
        super(ProtobufKit.FIXTURE);
    }
}
