package ipc.tests.serde.kryo;

import ipc.tests.serde.HandlesKit;

/** The seven handle types, at depth and reachable twice, through Kryo. */
class KryoHandlesTest extends HandlesKit {
    KryoHandlesTest() {
        super(KryoKit.FIXTURE);
    }
}
