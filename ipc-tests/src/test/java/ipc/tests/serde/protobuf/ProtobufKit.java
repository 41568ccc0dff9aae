package ipc.tests.serde.protobuf;

import ipc.serde.protobuf.ProtobufSerializer;
import ipc.tests.serde.SerializerFixture;

/** The protobuf serializer, in its default configuration, with the kit's generated messages. */
final class ProtobufKit {

    static final SerializerFixture FIXTURE = new ProtobufFixture(new ProtobufSerializer());

    private ProtobufKit() {}
}
