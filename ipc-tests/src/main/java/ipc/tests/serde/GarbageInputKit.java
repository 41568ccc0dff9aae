package ipc.tests.serde;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.tests.serde.Forger.Raw;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Random bytes and hostile payloads under the serializer's name (the kit's generic ones, plus the fixture's
 * {@link SerializerFixture#hostilePayloads()}) end as an {@link IpcSerializationException} naming the serializer,
 * or as a value, never as another exception, an error or a hang; the channel stays usable; and decoding one
 * allocates no more than a small constant plus a few times the message's size on the receiving thread (measured with
 * {@code com.sun.management.ThreadMXBean}, after a warm-up decode of the same payload).
 */
public abstract class GarbageInputKit extends SerializerKit {

    /** Parser buffers, exception and stack trace, the transport's receive buffer; far below any declared size. */
    private static final long CONSTANT_BUDGET = 2L * 1024 * 1024;
    private static final int PER_PAYLOAD_BYTE = 4;
    private static final int RANDOM_PAYLOADS = 100;

    /**
     * Binds the kit to a serializer.
     *
     * @param fixture the serializer under test and its samples
     */
    protected GarbageInputKit(SerializerFixture fixture) {
        super(fixture);
    }

    /** Payloads no serializer should turn into a large allocation or a crash. */
    static List<byte[]> genericHostilePayloads() {
        List<byte[]> payloads = new ArrayList<>();
        int ff = 0xff;
        payloads.add(bytes(0x5a, 0x7f, ff, ff, 0xf0, 1, 2, 3)); // CBOR: a byte string of almost 2 GiB
        payloads.add(bytes(0x9b, 0x3f, ff, ff, ff, ff, ff, ff, ff, 1)); // CBOR: an array of 2^62 items
        payloads.add(bytes(0x0a, ff, ff, ff, ff, 0x07, 1, 2, 3)); // protobuf: field 1 of 2^31 - 1 bytes
        payloads.add(bytes(0x01, ff, ff, ff, ff, 0x0f, 1, 2, 3)); // a varint length of 2^32 - 1 after a tag
        payloads.add(bytes(ff, ff, ff, ff, ff, ff, ff, ff, ff, ff, ff)); // an endless varint
        payloads.add(filled(200_000, 0x81)); // CBOR: 200,000 nested one-element arrays
        payloads.add(filled(200_000, 0x0a)); // protobuf-like: nested length-delimited fields
        payloads.add(filled(65_536, 0));
        payloads.add(filled(65_536, ff));
        return payloads;
    }

    @Test
    public void garbageIsRejectedOrDecodedWithinBoundedTimeAndAllocation() throws Exception {
        List<byte[]> payloads = new ArrayList<>(genericHostilePayloads());
        payloads.addAll(fixture.hostilePayloads());
        Random random = new Random(20240601);
        for (int i = 0; i < RANDOM_PAYLOADS; i++) {
            byte[] bytes = new byte[1 + random.nextInt(512)];
            random.nextBytes(bytes);
            payloads.add(bytes);
        }
        decodeAll(fixture.record(), payloads);
    }

    private <T> void decodeAll(Sample<T> sample, List<byte[]> payloads) throws Exception {
        com.sun.management.ThreadMXBean threads = allocationCounter();
        try (IpcChannel<T> channel = Ipc.channel(sample.type(), serializer)) {
            IpcSender<Raw> forged = channel.sender().toOpaque().to(Forger.RAW, new Forger(serializer.name()));
            for (byte[] payload : payloads) {
                String what = payload.length + " bytes starting " + Arrays.toString(Arrays.copyOf(payload,
                        Math.min(6, payload.length))) + " read as " + sample.type();
                for (int attempt = 0; attempt < 2; attempt++) { // the first warms up classes and caches
                    // In the background: a transport may block a large send until the receiver reads.
                    CompletableFuture<Void> sent = inBackground("garbage-sender", () -> forged.send(new Raw(payload)));
                    long allocated = within(what, () -> {
                        long before = threads.getCurrentThreadAllocatedBytes();
                        outcome(channel, what);
                        return threads.getCurrentThreadAllocatedBytes() - before;
                    });
                    long budget = CONSTANT_BUDGET + (long) PER_PAYLOAD_BYTE * payload.length;
                    assertTrue(attempt == 0 || allocated <= budget, what + ": decoding allocated " + allocated
                            + " bytes, more than " + budget);
                    awaitDone(sent, TIMEOUT, "sending " + what);
                }
                channel.sender().send(sample.value());
                assertArrived(sample, receive(channel.receiver(), "after " + what),
                        "the channel stays usable after " + what);
            }
        }
    }

    /** Receives one forged message: a value, or an IpcSerializationException that says why; nothing else. */
    private <T> void outcome(IpcChannel<T> channel, String what) {
        Optional<T> decoded;
        try {
            decoded = channel.receiver().tryRecv(TIMEOUT);
        } catch (IpcSerializationException e) {
            assertMentions(e.getMessage(), what, serializer.name());
            return;
        } catch (Exception | Error e) {
            throw new AssertionError(what + ": escaped as " + e + " instead of an IpcSerializationException", e);
        }
        assertTrue(decoded.isPresent(), what + ": decoded or rejected, not lost");
    }

    private static com.sun.management.ThreadMXBean allocationCounter() {
        java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        assumeTrue(threads instanceof com.sun.management.ThreadMXBean counter
                && counter.isThreadAllocatedMemorySupported() && counter.isThreadAllocatedMemoryEnabled(),
                "this JVM counts allocated bytes per thread");
        return (com.sun.management.ThreadMXBean) threads;
    }

    private static byte[] bytes(int... values) {
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) values[i];
        }
        return bytes;
    }

    private static byte[] filled(int length, int value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, (byte) value);
        return bytes;
    }
}
