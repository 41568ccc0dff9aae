package ipc.tests.serde.kryo;

import ipc.serde.kryo.KryoSerializer;
import ipc.tests.serde.ValueBytesKit;

/** Kryo's large {@code byte[]} values, sent from the value's own arrays. */
class KryoValueBytesTest extends ValueBytesKit {
    KryoValueBytesTest() {
        super(new KryoSerializer());
    }
}
