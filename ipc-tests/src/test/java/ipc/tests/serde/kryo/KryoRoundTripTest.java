package ipc.tests.serde.kryo;

import ipc.tests.serde.RoundTripKit;

/** Records, generics, collections, nulls and empty values through Kryo. */
class KryoRoundTripTest extends RoundTripKit {
    KryoRoundTripTest() {
        super(KryoKit.FIXTURE);
    }
}
