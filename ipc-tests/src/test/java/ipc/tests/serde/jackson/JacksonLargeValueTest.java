package ipc.tests.serde.jackson;

import ipc.tests.serde.LargeValueKit;

/** A 64 MiB value through Jackson. */
class JacksonLargeValueTest extends LargeValueKit {
    JacksonLargeValueTest() {
        super(JacksonKit.FIXTURE);
    }
}
