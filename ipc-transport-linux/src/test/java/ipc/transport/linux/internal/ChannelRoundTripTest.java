package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.assertTagged;
import static ipc.transport.linux.internal.ChannelTestSupport.channel;
import static ipc.transport.linux.internal.ChannelTestSupport.close;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static ipc.transport.linux.internal.ChannelTestSupport.receive;
import static ipc.transport.linux.internal.ChannelTestSupport.send;
import static ipc.transport.linux.internal.ChannelTestSupport.taggedFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Frames of every small size arrive intact and in order, once each, and empty channels time out as asked. */
@EnabledOnOs(OS.LINUX)
class ChannelRoundTripTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @ParameterizedTest(name = "{0} bytes")
    @ValueSource(ints = {0, 1, 8, 4096, 65_536})
    void smallFramesArriveIntact(int length) {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = channel();
            try {
                send(pair.sender(), frame(length, length));
                ReceivedMessage message = receive(pair.receiver());
                assertFrame(message.frame(), length, length, "frame of " + length + " bytes");
                assertTrue(message.handles().isEmpty(), "no handles were sent");
            } finally {
                close(pair);
            }
        });
    }

    @Test
    void messagesFromOneSenderArriveInOrder() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = channel();
            try {
                int count = 500;
                Thread producer = new Thread(() -> {
                    try {
                        for (int i = 0; i < count; i++) {
                            pair.sender().send(ByteBuffer.allocate(Integer.BYTES).putInt(0, i), List.of());
                        }
                    } catch (Exception e) {
                        throw new AssertionError(e);
                    }
                });
                producer.start();
                for (int i = 0; i < count; i++) {
                    assertEquals(i, receive(pair.receiver()).frame().getInt(), "message " + i + " in order");
                }
                producer.join();
            } finally {
                close(pair);
            }
        });
    }

    @Test
    void concurrentReceiversGetDistinctWholeMessages() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = channel();
            int count = 300;
            int[] sizes = {8, 1000, OutboundMessage.maxInlinePayload(0) + 10, 30_000};
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            AtomicInteger received = new AtomicInteger();
            ExecutorService receivers = Executors.newFixedThreadPool(3);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int r = 0; r < 3; r++) {
                    done.add(receivers.submit(() -> {
                        while (received.get() < count) {
                            ReceivedMessage message = pair.receiver().receive(Duration.ofMillis(50).toNanos());
                            if (message != null) {
                                int seed = message.frame().getInt(0);
                                assertTagged(message.frame(), sizes[seed % sizes.length], "message " + seed);
                                assertTrue(seen.add(seed), "message " + seed + " delivered once");
                                message.release();
                                received.incrementAndGet();
                            }
                        }
                        return null;
                    }));
                }
                for (int i = 0; i < count; i++) {
                    send(pair.sender(), taggedFrame(sizes[i % sizes.length], i));
                }
                for (Future<?> future : done) {
                    future.get();
                }
                assertEquals(count, seen.size(), "every message delivered exactly once");
            } finally {
                receivers.shutdownNow();
                close(pair);
            }
        });
    }

    @Test
    void pollingAnEmptyChannelReturnsNothing() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = channel();
            try {
                assertNull(pair.receiver().receive(0), "poll of an empty channel");
                long start = System.nanoTime();
                assertNull(pair.receiver().receive(Duration.ofMillis(50).toNanos()), "timed receive, empty channel");
                assertTrue(System.nanoTime() - start >= Duration.ofMillis(50).toNanos(),
                        "a timed receive waits at least its timeout");
            } finally {
                close(pair);
            }
        });
    }
}
