package ipc.tests.serde.kryo;

import ipc.tests.serde.WrongTypeKit;

/** A message read as another type, or written by another serializer, fails clearly with Kryo. */
class KryoWrongTypeTest extends WrongTypeKit {
    KryoWrongTypeTest() {
        super(KryoKit.FIXTURE);
    }
}
