package ipc.tests.serde.kryo;

import ipc.tests.serde.GarbageInputKit;

/** Random and crafted payloads never make Kryo hang, crash or allocate more than the message. */
class KryoGarbageInputTest extends GarbageInputKit {
    KryoGarbageInputTest() {
        super(KryoKit.FIXTURE);
    }
}
