package ipc.tests.serde.jackson;

import ipc.serde.jackson.JacksonSerializer;
import ipc.tests.serde.RecordFixture;
import ipc.tests.serde.SerializerFixture;

/** The Jackson serializer, in its default configuration, with the kit's record samples. */
final class JacksonKit {

    static final SerializerFixture FIXTURE = new RecordFixture(new JacksonSerializer());

    private JacksonKit() {}
}
