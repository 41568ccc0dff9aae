package ipc.tests.serde.kryo;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.io.Output;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.EncodeContext;
import ipc.api.spi.IpcSerializer;
import ipc.tests.serde.model.Person;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Payloads crafted against the Kryo serializer's encoding of {@code Person(String name, int age)}, decoded as a
 * {@code Person} by the kit. Each starts with the genuine type fingerprint (so it reaches the decoder instead of
 * failing the fingerprint check), then declares far more than it holds, or stops short, or goes on too long.
 */
final class KryoHostilePayloads {

    /** Just under 2 GiB. */
    private static final int HUGE = Integer.MAX_VALUE - 15;
    /** What Kryo's not-null marker and a two-character ASCII name take. */
    private static final String NAME = "ab";
    private static final int AGE = 36;

    private KryoHostilePayloads() {}

    static List<byte[]> all(IpcSerializer serializer) {
        byte[] fingerprint = fingerprint(serializer);
        return List.of(
                crafted(fingerprint, output -> { // a name of almost 2 Gi characters, three bytes present
                    output.writeByte(Kryo.NOT_NULL);
                    output.writeVarIntFlag(true, HUGE, true);
                    output.writeBytes(new byte[] {1, 2, 3});
                }),
                crafted(fingerprint, output -> { // an ASCII name whose end marker never comes
                    output.writeByte(Kryo.NOT_NULL);
                    output.writeBytes(new byte[] {'a', 'b', 'c'});
                }),
                crafted(fingerprint, output -> { // a name, then an age cut in the middle of its varint
                    output.writeByte(Kryo.NOT_NULL);
                    output.writeString(NAME);
                    output.writeByte(0xff);
                }),
                crafted(fingerprint, output -> { // a whole person, then more
                    output.writeByte(Kryo.NOT_NULL);
                    output.writeString(NAME);
                    output.writeVarInt(AGE, false);
                    output.writeBytes(new byte[] {0, 0, 0});
                }),
                crafted(fingerprint, output -> { }), // the fingerprint and nothing else
                crafted(flipped(fingerprint), output -> { // another type's fingerprint, a valid person after it
                    output.writeByte(Kryo.NOT_NULL);
                    output.writeString(NAME);
                    output.writeVarInt(AGE, false);
                }));
    }

    private static byte[] crafted(byte[] fingerprint, Consumer<Output> body) {
        Output output = new Output(64, -1);
        output.writeBytes(fingerprint);
        body.accept(output);
        return output.toBytes();
    }

    private static byte[] flipped(byte[] fingerprint) {
        byte[] other = fingerprint.clone();
        other[0] ^= 1;
        return other;
    }

    /** The first eight bytes of the serializer's own encoding of a person: its type fingerprint for Person. */
    private static byte[] fingerprint(IpcSerializer serializer) {
        ByteArrayOutputStream payload = new ByteArrayOutputStream();
        try {
            serializer.codec(TypeRef.of(Person.class)).encode(new Person(NAME, AGE), new EncodeContext() {
                @Override
                public OutputStream output() {
                    return payload;
                }

                @Override
                public int handleIndex(Object handle) {
                    throw new IllegalArgumentException("a person holds no handles");
                }
            });
        } catch (IpcSerializationException e) {
            throw new UncheckedIOException(e);
        }
        return Arrays.copyOf(payload.toByteArray(), Long.BYTES);
    }
}
