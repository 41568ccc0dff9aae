package ipc.tests.serde.kryo;

import ipc.tests.serde.FailedDecodeKit;

/** Handles of a message Kryo cannot decode are closed. */
class KryoFailedDecodeTest extends FailedDecodeKit {
    KryoFailedDecodeTest() {
        super(KryoKit.FIXTURE);
    }
}
