package ipc.tests.serde.jackson;

import ipc.tests.serde.WrongTypeKit;

/** Wrong declared types and messages of other serializers, read with Jackson. */
class JacksonWrongTypeTest extends WrongTypeKit {
    JacksonWrongTypeTest() {
        super(JacksonKit.FIXTURE);
    }
}
