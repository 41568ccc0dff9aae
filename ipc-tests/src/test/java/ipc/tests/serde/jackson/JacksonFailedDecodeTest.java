package ipc.tests.serde.jackson;

import ipc.tests.serde.FailedDecodeKit;

/** Handles of messages Jackson fails to decode are closed. */
class JacksonFailedDecodeTest extends FailedDecodeKit {
    JacksonFailedDecodeTest() {
        super(JacksonKit.FIXTURE);
    }
}
