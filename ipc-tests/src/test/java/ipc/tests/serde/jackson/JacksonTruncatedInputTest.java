package ipc.tests.serde.jackson;

import ipc.tests.serde.TruncatedInputKit;

/** Truncated Jackson encodings are rejected. */
class JacksonTruncatedInputTest extends TruncatedInputKit {
    JacksonTruncatedInputTest() {
        super(JacksonKit.FIXTURE);
    }
}
