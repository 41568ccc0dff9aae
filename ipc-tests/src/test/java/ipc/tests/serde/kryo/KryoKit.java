package ipc.tests.serde.kryo;

import ipc.serde.kryo.KryoSerializer;
import ipc.tests.serde.RecordFixture;
import ipc.tests.serde.SerializerFixture;
import java.util.List;

/**
 * The Kryo serializer, in its default configuration (it allows what the declared types reach, so the kit's records
 * need no allow list), with the kit's record samples and payloads crafted against Kryo's encoding.
 */
final class KryoKit {

    static final SerializerFixture FIXTURE = new RecordFixture(new KryoSerializer()) {
        @Override
        public List<byte[]> hostilePayloads() {
            return KryoHostilePayloads.all(serializer());
        }
    };

    private KryoKit() {}
}
