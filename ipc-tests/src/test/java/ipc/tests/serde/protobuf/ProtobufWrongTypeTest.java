package ipc.tests.serde.protobuf;

import ipc.tests.serde.WrongTypeKit;

/** Messages of another type, or of another serializer, read with protobuf. */
class ProtobufWrongTypeTest extends WrongTypeKit {
    ProtobufWrongTypeTest() {
        super(ProtobufKit.FIXTURE);
    }
}
