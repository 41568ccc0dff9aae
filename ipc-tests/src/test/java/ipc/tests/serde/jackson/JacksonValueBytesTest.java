package ipc.tests.serde.jackson;

import ipc.serde.jackson.JacksonSerializer;
import ipc.tests.serde.ValueBytesKit;

/** Jackson's large {@code byte[]} values (CBOR byte strings), sent from the value's own arrays. */
class JacksonValueBytesTest extends ValueBytesKit {
    JacksonValueBytesTest() {
        super(new JacksonSerializer());
    }
}
