package ipc.tests.serde.kryo;

import ipc.tests.serde.TruncatedInputKit;

/** Every cut of a Kryo encoding is rejected. */
class KryoTruncatedInputTest extends TruncatedInputKit {
    KryoTruncatedInputTest() {
        super(KryoKit.FIXTURE);
    }
}
