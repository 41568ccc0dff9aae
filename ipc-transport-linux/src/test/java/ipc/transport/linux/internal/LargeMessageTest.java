package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.assertTagged;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static ipc.transport.linux.internal.ChannelTestSupport.receive;
import static ipc.transport.linux.internal.ChannelTestSupport.taggedFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcLimits;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.SenderEndpoint;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Messages larger than one datagram: whole, in order, never interleaved, and no deadlock on one thread. */
@EnabledOnOs(OS.LINUX)
class LargeMessageTest {

    private static final int MIB = 1 << 20;
    private static final long GIB = 1L << 30;

    @Test
    void sixtyFourMebibytesSentAndReceivedOnOneThread() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            EndpointPair pair = Channels.pair();
            int fdsBefore = ChannelTestSupport.openFds();
            try {
                int length = 64 * MIB;
                pair.sender().send(frame(length, 64), List.of()); // returns before anyone reads: no deadlock
                pair.sender().send(frame(10, 1), List.of());
                assertFrame(receive(pair.receiver()).frame(), length, 64, "64 MiB frame");
                assertFrame(receive(pair.receiver()).frame(), 10, 1, "the frame after it");
                ChannelTestSupport.assertNoFdLeak(fdsBefore, "the payload memfd is closed on both sides");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void oneGibibyteWhenMemoryAllows() {
        Assumptions.assumeTrue(Runtime.getRuntime().maxMemory() > 3 * GIB, "needs a heap above 3 GiB");
        Assumptions.assumeTrue(availableMemory() > 5 * GIB, "needs 5 GiB of free memory");
        IpcLimits limits = IpcLimits.set(IpcLimits.current().withMaxMessageBytes(GIB)); // above the default
        assertTimeoutPreemptively(Duration.ofMinutes(3), () -> {
            EndpointPair pair = Channels.pair();
            try {
                byte[] bytes = new byte[(int) GIB];
                for (int i = 0; i < bytes.length; i += 4096) {
                    bytes[i] = (byte) (i >>> 12);
                }
                bytes[bytes.length - 1] = 42;
                pair.sender().send(ByteBuffer.wrap(bytes), List.of());
                bytes = null; // let the sender's copy go before the receiver allocates its own
                ReceivedMessage message = receive(pair.receiver());
                ByteBuffer frame = message.frame();
                assertEquals(GIB, frame.remaining(), "1 GiB frame length");
                for (int i = 0; i < GIB; i += 4096) {
                    if (frame.get(i) != (byte) (i >>> 12)) {
                        throw new AssertionError("byte " + i + " of the 1 GiB frame differs");
                    }
                }
                assertEquals(42, frame.get((int) GIB - 1), "last byte of the 1 GiB frame");
            } finally {
                ChannelTestSupport.close(pair);
                IpcLimits.set(limits);
            }
        });
    }

    @Test
    void concurrentSendersNeverInterleaveLargeMessages() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            int senders = 4;
            int perSender = 6;
            EndpointPair pair = Channels.pair();
            ExecutorService pool = Executors.newFixedThreadPool(senders);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int s = 0; s < senders; s++) {
                    SenderEndpoint sender = pair.sender().duplicate();
                    int id = s;
                    done.add(pool.submit(() -> {
                        try (sender) {
                            for (int i = 0; i < perSender; i++) {
                                int length = lengthOf(id, i);
                                sender.send(taggedFrame(length, id * 1000 + i), List.of());
                            }
                        }
                        return null;
                    }));
                }
                int[] next = new int[senders];
                for (int m = 0; m < senders * perSender; m++) {
                    ByteBuffer frame = receive(pair.receiver()).frame();
                    int seed = frame.getInt(0);
                    int id = seed / 1000;
                    int index = seed % 1000;
                    assertTrue(id >= 0 && id < senders, "message " + m + " carries a valid sender id: " + seed);
                    assertEquals(next[id], index, "messages of sender " + id + " arrive in order");
                    assertTagged(frame, lengthOf(id, index), "message " + index + " of sender " + id);
                    next[id]++;
                }
                for (Future<?> future : done) {
                    future.get();
                }
            } finally {
                pool.shutdownNow();
                ChannelTestSupport.close(pair);
            }
        });
    }

    /** Mixes sizes: below the datagram threshold, just above it, and several MiB. */
    private static int lengthOf(int sender, int index) {
        int[] sizes = {100, OutboundMessage.maxInlinePayload(0) + 1, 3 * MIB + sender, 50_000, 9 * MIB, 8};
        return sizes[(sender + index) % sizes.length];
    }

    private static long availableMemory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemAvailable:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
