package ipc.tests.serde.protobuf;

import ipc.tests.serde.GarbageInputKit;

/** Garbage under protobuf's name: rejected within bounded time and allocation. */
class ProtobufGarbageInputTest extends GarbageInputKit {
    ProtobufGarbageInputTest() {
        super(ProtobufKit.FIXTURE);
    }
}
