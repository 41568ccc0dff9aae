package ipc.serde.kryo;

import com.esotericsoftware.kryo.io.Output;
import ipc.api.IpcSerializationException;
import ipc.api.spi.MessageCodec;
import ipc.serde.testsupport.FakeContexts;
import java.util.Arrays;
import java.util.function.Consumer;

/** Hand-made payloads: a genuine type fingerprint, then whatever bytes a hostile peer chooses. */
final class Crafted {

    private Crafted() {}

    /** The fingerprint {@code codec} writes, taken from the encoding of {@code sample}. */
    static <T> byte[] fingerprint(MessageCodec<T> codec, T sample) throws IpcSerializationException {
        return Arrays.copyOf(FakeContexts.encode(codec, sample), Long.BYTES);
    }

    /** {@code codec}'s fingerprint followed by what {@code body} writes with Kryo's own encodings. */
    static <T> byte[] payload(MessageCodec<T> codec, T sample, Consumer<Output> body)
            throws IpcSerializationException {
        Output output = new Output(64, -1);
        output.writeBytes(fingerprint(codec, sample));
        body.accept(output);
        return output.toBytes();
    }
}
