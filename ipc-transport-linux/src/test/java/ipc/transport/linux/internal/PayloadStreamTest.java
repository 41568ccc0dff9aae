package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static ipc.transport.linux.internal.ChannelTestSupport.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Large payloads on their stream ({@link PayloadStream}): streamed to a reading receiver, handed over to the memfd for
 * one that does not read, from heap, sliced and direct buffers; a receiver closed while a message arrives; a sender
 * whose receiver drops the stream.
 */
@EnabledOnOs(OS.LINUX)
class PayloadStreamTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int MIB = 1 << 20;

    private ExecutorService pool;
    private int fdsBefore;

    @BeforeEach
    void start() {
        pool = Executors.newSingleThreadExecutor();
        fdsBefore = ChannelTestSupport.openFds();
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {OutboundMessageSizes.JUST_TOO_LARGE, MIB, 16 * MIB + 3})
    void aReceiverThatReadsGetsEveryMessageIntact(int length) {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try {
                Future<?> sent = pool.submit(() -> {
                    for (int i = 0; i < 5; i++) {
                        pair.sender().send(frame(length, i), List.of());
                    }
                    return null;
                });
                for (int i = 0; i < 5; i++) {
                    assertFrame(receive(pair.receiver()).frame(), length, i, "message " + i);
                }
                sent.get(30, TimeUnit.SECONDS);
            } finally {
                ChannelTestSupport.close(pair);
            }
            ChannelTestSupport.assertNoFdLeak(fdsBefore, "streams and memfds closed");
        });
    }

    @Test
    void aThreadSendsLargeMessagesThenReceivesThemItself() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try {
                for (int i = 0; i < 3; i++) {
                    pair.sender().send(frame(4 * MIB + i, i), List.of());
                }
                for (int i = 0; i < 3; i++) {
                    assertFrame(receive(pair.receiver()).frame(), 4 * MIB + i, i, "message " + i + " (handed over)");
                }
            } finally {
                ChannelTestSupport.close(pair);
            }
            ChannelTestSupport.assertNoFdLeak(fdsBefore, "streams and memfds closed");
        });
    }

    @Test
    void slicedHeapAndDirectBuffersAreSentFromTheirPosition() {
        assertTimeoutPreemptively(LIMIT, () -> {
            ByteBuffer expected = frame(3 * MIB, 9);
            byte[] padded = new byte[3 * MIB + 100];
            expected.duplicate().get(padded, 70, 3 * MIB);
            ByteBuffer sliced = ByteBuffer.wrap(padded, 30, 3 * MIB + 50).slice().position(40).limit(40 + 3 * MIB);
            ByteBuffer direct = ByteBuffer.allocateDirect(3 * MIB + 20).position(20);
            direct.put(expected.duplicate()).position(20);
            EndpointPair pair = Channels.pair();
            try {
                Future<?> sent = pool.submit(() -> {
                    pair.sender().send(sliced, List.of());
                    pair.sender().send(direct, List.of());
                    return null;
                });
                assertFrame(receive(pair.receiver()).frame(), 3 * MIB, 9, "from a sliced heap buffer");
                assertFrame(receive(pair.receiver()).frame(), 3 * MIB, 9, "from a direct buffer");
                sent.get(30, TimeUnit.SECONDS);
                assertEquals(40, sliced.position(), "the heap buffer's position did not move");
                assertEquals(20, direct.position(), "the direct buffer's position did not move");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void closingTheReceiverEndsAReceiveWaitingForTheRestOfAMessage() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Forged forged = new Forged()) {
                forged.header(8 * MIB);
                // Part of the payload, then nothing: the stream stays open, as a stuck sender leaves it.
                forged.fragment(4096);
                CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                    try {
                        forged.receiver.receive(-1);
                        return null;
                    } catch (IpcException | RuntimeException e) {
                        return e;
                    }
                }, pool);
                while (forged.receiver.waitingThreads() == 0) {
                    Thread.onSpinWait();
                }
                forged.receiver.close();
                Throwable failure = outcome.get(10, TimeUnit.SECONDS);
                assertTrue(failure instanceof IpcDisconnectedException, "a disconnect: " + failure);
            }
            ChannelTestSupport.assertNoFdLeak(fdsBefore, "the stream's descriptors closed by the failed receive");
        });
    }

    @Test
    void aSenderWhoseReceiverDropsTheStreamFinishesWithoutError() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            int receiving = ((LinuxReceiver) pair.receiver()).fd();
            try {
                Future<?> sent = pool.submit(() -> {
                    pair.sender().send(frame(32 * MIB, 1), List.of());
                    return null;
                });
                NativeMessage block = NativeMessage.take();
                try {
                    block.awaitReadable(receiving, 10_000);
                    assertTrue(block.receiveFrom(receiving, 0) > 0, "the message's datagram");
                    Descriptors.closeAll(block.receivedFds()); // the stream and the memfd, unread
                } finally {
                    block.give();
                }
                sent.get(30, TimeUnit.SECONDS); // returns: the message was dropped by its receiver, not an error
                pair.sender().send(frame(10, 2), List.of());
                ReceivedMessage next = receive(pair.receiver());
                assertFrame(next.frame(), 10, 2, "the next message");
            } finally {
                ChannelTestSupport.close(pair);
            }
            ChannelTestSupport.assertNoFdLeak(fdsBefore, "streams and memfds closed");
        });
    }

    @Test
    void aMessageWhoseSenderStoppedMidStreamIsDroppedAsNeverSent() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Forged forged = new Forged()) {
                forged.header(MIB);
                forged.fragment(1000);
                forged.endStream(); // as a killed sender's end closes: short, the memfd never sealed
                assertEquals(null, forged.receiver.receive(TimeUnit.MILLISECONDS.toNanos(200)),
                        "nothing delivered: the message was never sent");
                forged.assertNextMessageArrives(12);
                int empty = Memfds.create("unsealed-empty");
                try {
                    forgeStreamedHeader(forged.channel[0], 4096, forged.stream[1], empty);
                } finally {
                    Descriptors.closeQuietly(empty);
                }
                forged.assertNextMessageArrives(13);
            }
            ChannelTestSupport.assertNoFdLeak(fdsBefore, "every descriptor closed");
        });
    }

    @Test
    void aStreamThatEndsShortWithASealedMemfdOfTheWrongSizeIsRefused() {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (Forged forged = new Forged()) {
                Memfds.resize(forged.memfd, 10);
                Memfds.seal(forged.memfd);
                forged.header(MIB);
                forged.fragment(1000);
                forged.endStream();
                IpcException refused = assertThrows(IpcException.class, () -> forged.receiver.receive(-1));
                assertTrue(refused.getMessage().contains("short"), "says the stream ended short: " + refused);
                forged.assertNextMessageArrives(12);
            }
            ChannelTestSupport.assertNoFdLeak(fdsBefore, "every descriptor closed");
        });
    }

    /**
     * A channel whose messages this test forges: its sending end, a payload stream pair and a memfd to declare in a
     * streamed message's datagram, and the {@link LinuxReceiver} under test. Closing it closes what is still open.
     */
    private static final class Forged implements AutoCloseable {
        final int[] channel = Channels.socketPair();
        final int[] stream = Channels.socketPair();
        final int memfd = Memfds.create("test");
        final LinuxReceiver receiver = LinuxReceiver.adopt(channel[1]);

        Forged() throws IpcException {}

        /** Sends the datagram of a streamed message of {@code length} bytes, none inline. */
        void header(long length) throws IpcException {
            forgeStreamedHeader(channel[0], length, stream[1], memfd);
        }

        /** Writes {@code length} bytes of payload on the stream. */
        void fragment(int length) {
            assertEquals(length, Native.libc().send(stream[0], ByteBuffer.allocate(length), length,
                    Linux.MSG_NOSIGNAL), "fragment sent");
        }

        /** Closes the sending end of the stream, as a sender does when it is done (or dies). */
        void endStream() {
            Descriptors.closeQuietly(stream[0]);
            stream[0] = -1;
        }

        /** A valid message sent now is the next one received: the channel goes on. */
        void assertNextMessageArrives(int length) throws IpcException {
            OutboundMessage.send(channel[0], null, frame(length, length), List.of());
            assertFrame(receive(receiver).frame(), length, length, "the next message");
        }

        @Override
        public void close() {
            receiver.close();
            Descriptors.closeQuietly(channel[0]);
            Descriptors.closeQuietly(stream[0]);
            Descriptors.closeQuietly(stream[1]);
            Descriptors.closeQuietly(memfd);
        }
    }

    /** Sends a message datagram declaring a streamed payload of {@code length} bytes, none inline. */
    private static void forgeStreamedHeader(int socket, long length, int streamEnd, int memfd) throws IpcException {
        NativeMessage block = NativeMessage.take();
        try {
            WireHeader.write(block.dataBuffer(), WireHeader.TYPE_MESSAGE, WireHeader.FLAG_PAYLOAD_STREAMED, 0, 2,
                    length);
            block.prepareSend(WireHeader.SIZE, 2);
            block.setFd(0, streamEnd);
            block.setFd(1, memfd);
            assertTrue(block.sendTo(socket, Linux.MSG_NOSIGNAL), "header sent");
        } finally {
            block.give();
        }
    }

    /** Sizes around the datagram threshold. */
    static final class OutboundMessageSizes {
        static final int JUST_TOO_LARGE = Linux.MAX_DATAGRAM - WireHeader.SIZE + 1;

        private OutboundMessageSizes() {}
    }
}
