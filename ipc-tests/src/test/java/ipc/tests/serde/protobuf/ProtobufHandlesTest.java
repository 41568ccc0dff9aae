package ipc.tests.serde.protobuf;

import ipc.tests.serde.HandlesKit;

/** Every handle type in Handle fields below the top level, through protobuf and IpcHandles. */
class ProtobufHandlesTest extends HandlesKit {
    ProtobufHandlesTest() {
        super(ProtobufKit.FIXTURE);
    }
}
