package ipc.tests.serde.kryo;

import ipc.tests.serde.LargeValueKit;

/** A 64 MiB value through Kryo. */
class KryoLargeValueTest extends LargeValueKit {
    KryoLargeValueTest() {
        super(KryoKit.FIXTURE);
    }
}
