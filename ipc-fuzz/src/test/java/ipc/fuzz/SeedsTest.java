package ipc.fuzz;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcException;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.api.spi.IpcSerializer;
import ipc.api.spi.MessageCodec;
import ipc.api.spi.ReceivedMessage;
import ipc.fuzz.messages.Order;
import ipc.fuzz.messages.proto.FuzzOrder;
import ipc.serde.jackson.JacksonSerializer;
import ipc.serde.kryo.KryoSerializer;
import ipc.serde.protobuf.ProtobufSerializer;
import ipc.serde.testsupport.FakeContexts;
import ipc.transport.linux.internal.LinuxReceiver;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The seed inputs are what they claim: the serializer targets' seeds are frames the typed receiver decodes to the
 * sample values (handles included), the framing seeds are datagrams the transport accepts (or, for the last one,
 * drops unseen), the checked-in files are exactly what {@link Seeds} generates now, and kept findings still reach the
 * code they once broke.
 */
class SeedsTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);

    @Test
    void orderSeedsDecodeToTheSamplesWithJacksonAndKryo() {
        assertTimeoutPreemptively(LIMIT, () -> {
            assertOrderSeeds(new JacksonSerializer());
            assertOrderSeeds(new KryoSerializer());
        });
    }

    private static void assertOrderSeeds(IpcSerializer serializer) throws IpcException {
        List<byte[]> seeds = Seeds.orderSeeds(serializer);
        try (SerializerTarget<Order> target = new SerializerTarget<>(serializer, TypeRef.of(Order.class),
                Order::closeHandles, Targets.SAMPLE_ORDER)) {
            target.send(seeds.get(0));
            Order full = target.receive().orElseThrow();
            assertEquals("o-1", full.id(), serializer.name());
            assertNotNull(full.replyTo(), serializer.name() + ": the sender at the top level");
            assertNotNull(full.updates(), serializer.name() + ": the receiver");
            assertNotNull(full.attachment(), serializer.name() + ": the shared memory");
            assertEquals(1, full.watchers().size(), serializer.name() + ": the handle in a list");
            assertNotNull(full.customer().contact(), serializer.name() + ": the handle in the nested record");
            full.closeHandles();
            target.send(seeds.get(1));
            assertEquals(Seeds.PLAIN_ID, target.receive().orElseThrow().id(), serializer.name());
            target.send(seeds.get(2));
            assertNull(target.receive().orElseThrow().id(), serializer.name());
        }
    }

    @Test
    void protobufSeedsDecodeToTheSamples() {
        assertTimeoutPreemptively(LIMIT, () -> {
            List<byte[]> seeds = Seeds.protobufSeeds();
            try (SerializerTarget<FuzzOrder> target = new SerializerTarget<>(new ProtobufSerializer(),
                    TypeRef.of(FuzzOrder.class), Targets::closeHandles, FuzzOrder.getDefaultInstance())) {
                target.send(seeds.get(0));
                FuzzOrder full = target.receive().orElseThrow();
                assertEquals("o-1", full.getId());
                assertEquals(1, full.getWatchersCount());
                Targets.closeHandles(full);
                target.send(seeds.get(1));
                assertEquals(Seeds.PLAIN_ID, target.receive().orElseThrow().getId());
                target.send(seeds.get(2));
                assertEquals(FuzzOrder.getDefaultInstance(), target.receive().orElseThrow());
            }
        });
    }

    @Test
    void framingSeedsAreAcceptedOrRefusedAsIntended() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int[] pair = RawSockets.seqpacketPair();
            try (LinuxReceiver receiver = LinuxReceiver.adopt(pair[1])) {
                List<byte[]> seeds = Seeds.framingSeeds();
                int[] handles = {0, 3, 0, 3, 1, 0};
                for (int i = 0; i < handles.length; i++) {
                    send(seeds.get(i), pair[0]);
                    ReceivedMessage message = receiver.receive(LIMIT.toNanos());
                    assertNotNull(message, "seed " + i + " arrives");
                    assertEquals(handles[i], message.handles().size(), "the handles of seed " + i);
                    message.closeHandles();
                }
                for (int i = handles.length; i < seeds.size(); i++) {
                    send(seeds.get(i), pair[0]);
                    // A streamed payload whose memfd was never sealed: its sender stopped mid-message, so it was
                    // never sent and is dropped unseen; the receive then times out with nothing.
                    assertNull(receiver.receive(java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(300)), "seed " + i);
                }
            } finally {
                RawSockets.close(pair[0]);
            }
        });
    }

    private static void send(byte[] seed, int socket) {
        try (ForgedDatagram forged = ForgedDatagram.of(seed, socket)) {
            assertEquals(true, forged.sendTo(socket), "the kernel takes the seed");
        }
    }

    /**
     * A kept finding is only worth replaying while it still reaches the code it broke: one made for an older wire
     * format stops at the version check, one made for another message type at the type fingerprint.
     */
    @Test
    void keptFindingsStillReachWhatTheyBroke() throws Exception {
        Path framing = inputs("LinuxFramingFuzzTestInputs/datagram");
        int checked = 0;
        int[] pair = RawSockets.seqpacketPair();
        try (Stream<Path> files = Files.list(framing)) {
            for (Path file : files.filter(f -> !f.getFileName().toString().startsWith("seed-")).toList()) {
                try (ForgedDatagram forged = ForgedDatagram.of(Files.readAllBytes(file), pair[0])) {
                    int version = forged.declaredWireVersion();
                    if (version != -1) {
                        assertEquals(Seeds.WIRE_VERSION, version, file.getFileName() + " speaks the current wire "
                                + "format (rewrite its version byte after a bump)");
                        checked++;
                    }
                }
            }
        } finally {
            RawSockets.close(pair[0]);
            RawSockets.close(pair[1]);
        }
        assertTrue(checked > 0, "the framing target keeps at least one finding with our wire header");
        byte[] wrapping = Files.readAllBytes(inputs("KryoReceiveFuzzTestInputs/receive")
                .resolve("regression-utf8-count-wraps-to-max"));
        MessageCodec<Order> codec = new KryoSerializer().codec(TypeRef.of(Order.class));
        IpcSerializationException e = assertThrows(IpcSerializationException.class, () -> codec.decode(
                ByteBuffer.wrap(wrapping, 1, wrapping.length - 1), new FakeContexts.NoHandles()));
        assertTrue(e.getMessage().contains("declares a string of 2147483647 characters"),
                "the Kryo finding still reaches the string's count: " + e.getMessage());
    }

    private static Path inputs(String directory) throws URISyntaxException {
        return Path.of(SeedsTest.class.getResource(directory).toURI());
    }

    @Test
    void checkedInSeedsAreTheGeneratedOnes() throws Exception {
        assertSeeds("JacksonReceiveFuzzTestInputs/receive", Seeds.orderSeeds(new JacksonSerializer()));
        assertSeeds("KryoReceiveFuzzTestInputs/receive", Seeds.orderSeeds(new KryoSerializer()));
        assertSeeds("ProtobufReceiveFuzzTestInputs/receive", Seeds.protobufSeeds());
        assertSeeds("LinuxFramingFuzzTestInputs/datagram", Seeds.framingSeeds());
    }

    private static void assertSeeds(String directory, List<byte[]> generated) throws IOException {
        for (int i = 0; i < generated.size(); i++) {
            String name = directory + String.format("/seed-%02d", i);
            try (InputStream in = SeedsTest.class.getResourceAsStream(name)) {
                assertNotNull(in, name + " is checked in (run fuzz.sh --write-seeds)");
                assertArrayEquals(generated.get(i), in.readAllBytes(), name + " is up to date (run fuzz.sh "
                        + "--write-seeds)");
            }
        }
    }
}
