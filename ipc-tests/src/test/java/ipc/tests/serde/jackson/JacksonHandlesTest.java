package ipc.tests.serde.jackson;

import ipc.tests.serde.HandlesKit;

/** Every handle type at depth, and a handle reachable twice, through Jackson. */
class JacksonHandlesTest extends HandlesKit {
    JacksonHandlesTest() {
        super(JacksonKit.FIXTURE);
    }
}
