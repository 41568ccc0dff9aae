package ipc.tests.contract;

import static ipc.tests.contract.Contracts.TIMEOUT;
import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiver;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.tests.messages.Person;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Forged payloads under the default serializer's name (written with {@link RawPayloadSerializer}): truncated
 * encodings and garbage must end as an {@link IpcSerializationException} (or, for garbage that happens to be valid,
 * a value), never as another exception, an error or a hang, and the channel must stay usable.
 */
public abstract class HostileInputContract {

    private static final Person LONG_NAMED = new Person("x".repeat(4096), 7);

    /** The exact payload the default serializer writes for {@code person}. */
    private static byte[] payloadOf(Person person, IpcSerializer serializer) throws Exception {
        try (IpcChannel<Person> channel = Ipc.channel(Person.class, serializer)) {
            IpcReceiver<byte[]> raw = channel.receiver().toOpaque()
                    .to(TypeRef.of(byte[].class), new RawPayloadSerializer(serializer.name()));
            channel.sender().send(person);
            return receive(raw, "the payload");
        }
    }

    @Test
    public void truncatedPayloadsAreRejected() throws Exception {
        IpcSerializer serializer = Ipc.defaultSerializer();
        byte[] whole = payloadOf(LONG_NAMED, serializer);
        try (IpcChannel<byte[]> forged = Ipc.channel(byte[].class, new RawPayloadSerializer(serializer.name()))) {
            IpcReceiver<Person> receiver = forged.receiver().toOpaque().to(TypeRef.of(Person.class), serializer);
            for (int length : new int[] {1, whole.length / 4, whole.length / 2, whole.length * 3 / 4}) {
                forged.sender().send(Arrays.copyOf(whole, length));
                assertThrows(IpcSerializationException.class, () -> receiver.tryRecv(TIMEOUT),
                        "a payload cut to " + length + " of " + whole.length + " bytes, inside the long name");
            }
            forged.sender().send(whole);
            assertEquals(LONG_NAMED, receive(receiver, "the whole payload"), "the channel stays usable");
        }
    }

    @Test
    public void garbageNeverEscapesAsAnythingButASerializationException() throws Exception {
        IpcSerializer serializer = Ipc.defaultSerializer();
        List<byte[]> garbage = new ArrayList<>();
        Random random = new Random(20240601);
        for (int i = 0; i < 50; i++) {
            byte[] bytes = new byte[1 + random.nextInt(256)];
            random.nextBytes(bytes);
            garbage.add(bytes);
        }
        garbage.add(filled(200_000, (byte) 0x81)); // CBOR: arrays nested 200k deep
        garbage.add(filled(200_000, (byte) '[')); // JSON-like: arrays nested 200k deep
        garbage.add(new byte[] {0x5b, 0x3f, -1, -1, -1, -1, -1, -1, -1}); // CBOR: a byte string of 2^62 bytes
        garbage.add(new byte[] {0x7a, 0x7f, -1, -1, -1, 'a'}); // CBOR: a text string of 2 GiB
        garbage.add(new byte[] {-1, -1, -1, -1, 0x0f}); // a varint length of 2^32 - 1
        try (IpcChannel<byte[]> forged = Ipc.channel(byte[].class, new RawPayloadSerializer(serializer.name()))) {
            IpcReceiver<Person> receiver = forged.receiver().toOpaque().to(TypeRef.of(Person.class), serializer);
            for (byte[] bytes : garbage) {
                CompletableFuture<Void> sent = Contracts.inBackground("garbage-sender", () -> forged.sender().send(bytes));
                String what = bytes.length + " bytes of garbage starting with " + (bytes[0] & 0xff);
                Optional<Person> decoded = null;
                Throwable failure = null;
                try {
                    decoded = Contracts.within("decoding " + what, () -> receiver.tryRecv(TIMEOUT));
                } catch (Throwable t) {
                    failure = t;
                }
                if (failure == null) {
                    assertTrue(decoded.isPresent(), what + ": decoded or rejected, not lost");
                } else if (!(failure instanceof IpcSerializationException)) {
                    throw new AssertionError(what + ": escaped as " + failure + " instead of an "
                            + "IpcSerializationException", failure);
                } else {
                    assertTrue(failure.getMessage() != null && !failure.getMessage().isBlank(),
                            what + ": the rejection says why");
                }
                Contracts.awaitDone(sent, "sending " + what);
                forged.sender().send(payloadOf(Person.PATRICK, serializer));
                assertEquals(Person.PATRICK, receive(receiver, "after " + what), "the channel stays usable");
            }
        }
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
