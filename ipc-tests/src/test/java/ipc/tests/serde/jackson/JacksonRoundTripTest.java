package ipc.tests.serde.jackson;

import ipc.tests.serde.RoundTripKit;

/** Records, generics, collections, nulls and empty values through Jackson. */
class JacksonRoundTripTest extends RoundTripKit {
    JacksonRoundTripTest() {
        super(JacksonKit.FIXTURE);
    }
}
