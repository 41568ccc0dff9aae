package ipc.tests.serde.jackson;

import ipc.tests.serde.GarbageInputKit;

/** Garbage under Jackson's name: rejected within bounded time and allocation. */
class JacksonGarbageInputTest extends GarbageInputKit {
    JacksonGarbageInputTest() {
        super(JacksonKit.FIXTURE);
    }
}
