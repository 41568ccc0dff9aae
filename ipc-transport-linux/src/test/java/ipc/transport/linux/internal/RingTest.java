package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.RECEIVE_TIMEOUT_NANOS;
import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.assertTagged;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static ipc.transport.linux.internal.ChannelTestSupport.receive;
import static ipc.transport.linux.internal.ChannelTestSupport.taggedFrame;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDescriptorLimitException;
import ipc.api.IpcLimitExceededException;
import ipc.api.IpcLimits;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.transport.linux.ffi.ResourceLimits;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Payloads of {@link SendRing#MIN_PAYLOAD} to {@link SendRing#SLOT_BYTES} bytes travel through the sender's ring: whole,
 * in order with every other message, never waiting for a slot, and every slot freed once its message is received
 * (or refused). Hostile rings: {@link HostileFrameTest}.
 */
@EnabledOnOs(OS.LINUX)
class RingTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    private static final int KIB = 1 << 10;

    /** What a test does with a fresh channel and its sender. */
    private interface ChannelCase {
        void run(EndpointPair pair, LinuxSender sender) throws Exception;
    }

    /** Runs {@code test} on a fresh channel within {@link #LIMIT}, and closes the channel after. */
    private static void onChannel(ChannelCase test) {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try {
                test.run(pair, (LinuxSender) pair.sender());
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void sizesFromTheThresholdToASlotGoThroughTheRingAndArriveWhole() {
        onChannel((pair, sender) -> {
            int[] sizes = {SendRing.MIN_PAYLOAD, 64 * KIB, 300 * KIB, SendRing.SLOT_BYTES};
            for (int i = 0; i < sizes.length; i++) {
                sender.send(frame(sizes[i], i), List.of());
                assertEquals(1, sender.ring().slotsInUse(), sizes[i] + " bytes: in a slot until received");
                assertFrame(receive(pair.receiver()).frame(), sizes[i], i, sizes[i] + " bytes");
                assertEquals(0, sender.ring().slotsInUse(), sizes[i] + " bytes: slot freed by the receive");
                assertTrue(RingReader.isMapped(sender.ring().fd()), "the ring stays mapped for the next one");
            }
            for (int size : new int[] {SendRing.MIN_PAYLOAD - 1, SendRing.SLOT_BYTES + 1}) {
                sender.send(frame(size, 7), List.of());
                assertEquals(0, sender.ring().slotsInUse(), size + " bytes: not through the ring");
                assertFrame(receive(pair.receiver()).frame(), size, 7, size + " bytes");
            }
        });
    }

    @Test
    void aFullRingSendsTheOrdinaryWayAndOrderHolds() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int fdsBefore = ChannelTestSupport.openFds();
            EndpointPair pair = Channels.pair();
            LinuxSender sender = (LinuxSender) pair.sender();
            try {
                // Every slot, then a few that go around: inline, which this thread's socket buffer must still hold.
                int count = SendRing.SLOTS + 5;
                int[] sizes = new int[count];
                for (int i = 0; i < count; i++) {
                    // Ring-sized payloads, a small one between, and one streamed: all from this thread, unread.
                    sizes[i] = i == 3 ? 10 : i == 5 ? 3 << 20 : 40 * KIB + i;
                    sender.send(taggedFrame(sizes[i], i), List.of());
                }
                assertEquals(SendRing.SLOTS, sender.ring().slotsInUse(), "every slot taken, the rest went around");
                for (int i = 0; i < count; i++) {
                    ReceivedMessage message = receive(pair.receiver());
                    assertEquals(i, assertTagged(message.frame(), sizes[i], "message " + i), "in order");
                }
                assertEquals(0, sender.ring().slotsInUse(), "every slot freed");
                sender.send(taggedFrame(50 * KIB, 99), List.of());
                assertEquals(1, sender.ring().slotsInUse(), "the ring is used again");
                assertTagged(receive(pair.receiver()).frame(), 50 * KIB, "after the ring was full");
            } finally {
                ChannelTestSupport.close(pair);
            }
            ChannelTestSupport.assertNoFdLeak(fdsBefore, "the ring's memfd closed with its sender, and every stream");
        });
    }

    @Test
    void atMostAMebibyteIsInFlightUnlessOneMessageIsLarger() {
        onChannel((pair, sender) -> {
            int length = 300 * KIB;
            for (int i = 0; i < 4; i++) {
                sender.send(taggedFrame(length, i), List.of()); // to this thread: nobody frees room meanwhile
            }
            assertEquals(3, sender.ring().slotsInUse(), "three of 300 KiB fit in 1 MiB; the fourth went around");
            for (int i = 0; i < 4; i++) {
                assertEquals(i, assertTagged(receive(pair.receiver()).frame(), length, "message " + i), "order");
            }
            sender.send(taggedFrame(SendRing.SLOT_BYTES, 10), List.of());
            sender.send(taggedFrame(40 * KIB, 11), List.of());
            assertEquals(1, sender.ring().slotsInUse(), "a whole slot alone in flight; the next went around");
            assertEquals(10, assertTagged(receive(pair.receiver()).frame(), SendRing.SLOT_BYTES, "1 MiB"));
            assertEquals(11, assertTagged(receive(pair.receiver()).frame(), 40 * KIB, "40 KiB"));
            assertEquals(0, sender.ring().slotsInUse(), "all freed");
        });
    }

    @Test
    void aSenderThatRunsAheadWaitsForTheReceiverAndIsWoken() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            int count = 300;
            long timeoutsBefore = SendRing.timeouts();
            Thread sender = new Thread(() -> {
                try {
                    for (int i = 0; i < count; i++) {
                        pair.sender().send(taggedFrame(lengthOf(0, i % 2 == 0 ? 0 : 3), i), List.of());
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            try {
                sender.start();
                for (int i = 0; i < count; i++) {
                    ByteBuffer frame = receive(pair.receiver()).frame();
                    assertEquals(i, assertTagged(frame, lengthOf(0, i % 2 == 0 ? 0 : 3), "message " + i), "order");
                }
                sender.join(LIMIT.toMillis());
                // The receiver read all along: every wait for room ended with a wake-up, not the time limit (a few
                // may still time out when this thread is descheduled for longer than a wait; a lost wake-up would
                // time out nearly every one of the sender's many waits).
                long timeouts = SendRing.timeouts() - timeoutsBefore;
                assertTrue(timeouts <= count / 20, timeouts + " of " + count + " sends waited in vain");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void theBytesChannelsPrefixRidesInlineAndThePayloadLandsInTheRecipientsBuffer() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            LinuxSender sender = (LinuxSender) pair.sender();
            LinuxReceiver receiver = (LinuxReceiver) pair.receiver();
            try {
                for (boolean direct : new boolean[] {false, true}) {
                    int length = 100 * KIB;
                    ByteBuffer into = direct ? ByteBuffer.allocateDirect(length + 16) : ByteBuffer.allocate(length);
                    for (int round = 0; round < 3; round++) {
                        byte[] payload = frame(length, round).array();
                        sender.send(ByteBuffer.wrap(new byte[] {1, 2, 3}), payload);
                        assertEquals(1, sender.ring().slotsInUse(), "through the ring");
                        into.clear();
                        ReceivedMessage message = receiver.receive(RECEIVE_TIMEOUT_NANOS, InboundMessage.NEW_ARRAYS,
                                into, 3);
                        assertNotNull(message, "arrived");
                        try {
                            assertEquals(ByteBuffer.wrap(new byte[] {1, 2, 3}), message.frame(), "the prefix");
                            assertSame(into, message.tail(), "the payload in the recipient's buffer");
                            assertFrame(message.tail(), length, round, (direct ? "direct" : "heap") + " round "
                                    + round);
                        } finally {
                            message.release();
                        }
                        assertEquals(0, sender.ring().slotsInUse(), "slot freed");
                    }
                }
                // A buffer too small: the payload gets a buffer of its own.
                sender.send(ByteBuffer.wrap(new byte[] {9}), frame(64 * KIB, 5).array());
                ReceivedMessage message = receiver.receive(RECEIVE_TIMEOUT_NANOS, InboundMessage.NEW_ARRAYS,
                        ByteBuffer.allocate(10), 1);
                try {
                    assertEquals(ByteBuffer.wrap(new byte[] {9}), message.frame(), "the prefix");
                    assertFrame(message.tail(), 64 * KIB, 5, "payload in a buffer of its own");
                } finally {
                    message.release();
                }
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void aPayloadWithoutInlineBytesIsSplitAfterTheHeadTheRecipientNames() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            LinuxSender sender = (LinuxSender) pair.sender();
            try {
                int length = 70 * KIB;
                int head = 9;
                for (boolean direct : new boolean[] {false, true}) {
                    ByteBuffer into = direct ? ByteBuffer.allocateDirect(length + 20) : ByteBuffer.allocate(length);
                    into.position(5);
                    sender.send(frame(length, 6), List.of()); // no prefix: nothing inline
                    assertEquals(1, sender.ring().slotsInUse(), "through the ring");
                    ReceivedMessage message = pair.receiver().receive(RECEIVE_TIMEOUT_NANOS, asked -> {
                        throw new AssertionError("the offered buffer has room, yet " + asked + " bytes were asked");
                    }, into, head);
                    assertNotNull(message, "arrived");
                    try {
                        assertEquals(head, message.frame().remaining(), "the head in the frame");
                        assertSame(into, message.tail(), "the rest in the offered buffer");
                        assertEquals(5, into.position(), "from its position");
                        ByteBuffer whole = message.whole();
                        assertFrame(whole, length, 6, (direct ? "direct" : "heap") + ": head and rest");
                    } finally {
                        message.release();
                    }
                }
                sender.send(frame(length, 7), List.of());
                ReceivedMessage plain = pair.receiver().receive(RECEIVE_TIMEOUT_NANOS);
                try {
                    assertNull(plain.tail(), "no head asked: the payload is the frame");
                    assertFrame(plain.frame(), length, 7, "the payload");
                } finally {
                    plain.release();
                }
                assertEquals(0, sender.ring().slotsInUse(), "every slot freed");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void concurrentSendersOnOneSenderShareItsRingWithoutMixingMessages() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int threads = 4;
            int perThread = 40;
            EndpointPair pair = Channels.pair();
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int id = t;
                    done.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            pair.sender().send(taggedFrame(lengthOf(id, i), id * 1000 + i), List.of());
                        }
                        return null;
                    }));
                }
                int[] next = new int[threads];
                for (int m = 0; m < threads * perThread; m++) {
                    ByteBuffer frame = receive(pair.receiver()).frame();
                    int seed = frame.getInt(0);
                    int id = seed / 1000;
                    assertTrue(id >= 0 && id < threads, "a valid sender id: " + seed);
                    assertEquals(next[id], seed % 1000, "the messages of thread " + id + " in order");
                    assertTagged(frame, lengthOf(id, next[id]), "message " + next[id] + " of thread " + id);
                    next[id]++;
                }
                for (Future<?> future : done) {
                    future.get();
                }
                assertEquals(0, ((LinuxSender) pair.sender()).ring().slotsInUse(), "every slot freed");
            } finally {
                pool.shutdownNow();
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void queuedMessagesOutliveTheirSenderAndItsRingIsThenUnmapped() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int fdsBefore = ChannelTestSupport.openFds();
            EndpointPair pair = Channels.pair();
            try {
                LinuxSender sender = (LinuxSender) pair.sender().duplicate();
                sender.send(frame(64 * KIB, 1), List.of());
                sender.send(frame(200 * KIB, 2), List.of());
                assertEquals(2, sender.ring().slotsInUse(), "both in the ring");
                int ring = Descriptors.duplicate(sender.ring().fd());
                try {
                    sender.close();
                    assertFrame(receive(pair.receiver()).frame(), 64 * KIB, 1, "first, after its sender closed");
                    assertFrame(receive(pair.receiver()).frame(), 200 * KIB, 2, "second, after its sender closed");
                    assertFalse(RingReader.isMapped(ring), "the closed sender's ring is unmapped");
                } finally {
                    Descriptors.closeQuietly(ring);
                }
            } finally {
                ChannelTestSupport.close(pair);
            }
            ChannelTestSupport.assertNoFdLeak(fdsBefore, "the ring's memfd, and every copy received, closed");
        });
    }

    @Test
    void aRingIdleForASecondIsUnmappedWhenAnotherRingMessageArrives() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair quiet = Channels.pair();
            EndpointPair busy = Channels.pair();
            try {
                long sent = System.nanoTime();
                quiet.sender().send(frame(64 * KIB, 1), List.of());
                assertFrame(receive(quiet.receiver()).frame(), 64 * KIB, 1, "the quiet sender's message");
                int ring = ((LinuxSender) quiet.sender()).ring().fd();
                assertTrue(RingReader.isMapped(ring), "mapped after its message");
                // The quiet sender stays open (as a killed process's would look) while another ring's messages flow.
                long unmapped;
                int rounds = 0;
                do {
                    busy.sender().send(frame(40 * KIB, rounds), List.of());
                    assertFrame(receive(busy.receiver()).frame(), 40 * KIB, rounds, "busy message " + rounds);
                    rounds++;
                    unmapped = System.nanoTime();
                } while (RingReader.isMapped(ring));
                assertTrue(unmapped - sent >= RingReader.IDLE_NANOS, "unmapped only after " + RingReader.IDLE_NANOS
                        + " ns idle, not after " + (unmapped - sent) + " ns");
                quiet.sender().send(frame(64 * KIB, 2), List.of());
                assertFrame(receive(quiet.receiver()).frame(), 64 * KIB, 2, "the quiet sender's next message");
                assertTrue(RingReader.isMapped(ring), "mapped again");
            } finally {
                ChannelTestSupport.close(quiet);
                ChannelTestSupport.close(busy);
            }
        });
    }

    @Test
    void aMessageRefusedByTheLimitsFreesItsSlot() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            LinuxSender sender = (LinuxSender) pair.sender();
            IpcLimits before = IpcLimits.current();
            try {
                sender.send(frame(64 * KIB, 3), List.of());
                IpcLimits.set(before.withMaxMessageBytes(32 * KIB));
                assertThrows(IpcLimitExceededException.class, () -> pair.receiver().receive(RECEIVE_TIMEOUT_NANOS),
                        "64 KiB over a 32 KiB limit");
                IpcLimits.set(before);
                assertEquals(0, sender.ring().slotsInUse(), "the refused message's slot is free");
                sender.send(frame(40 * KIB, 4), List.of());
                assertFrame(receive(pair.receiver()).frame(), 40 * KIB, 4, "the next message");
            } finally {
                IpcLimits.set(before);
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void aSlotTakesAtMostItsShareOfTheBudget() {
        onChannel((pair, sender) -> {
            assertEquals(SendRing.SLOT_BYTES, SendRing.capacity(0), "slot 0: a whole slot");
            for (int slot = 1; slot < SendRing.SLOTS; slot++) {
                assertEquals(SendRing.SLOT_BYTES / (slot + 1), SendRing.capacity(slot), "slot " + slot);
            }
            // 200 KiB in slot 0; 600 KiB would fit the budget, but slot 1 takes at most 544 KiB: it goes around.
            sender.send(taggedFrame(200 * KIB, 0), List.of()); // to this thread: nobody frees room meanwhile
            sender.send(taggedFrame(600 * KIB, 1), List.of());
            assertEquals(1, sender.ring().slotsInUse(), "600 KiB did not take slot 1");
            // 500 KiB does take slot 1.
            sender.send(taggedFrame(500 * KIB, 2), List.of());
            assertEquals(2, sender.ring().slotsInUse(), "500 KiB took slot 1");
            int[] sizes = {200 * KIB, 600 * KIB, 500 * KIB};
            for (int i = 0; i < sizes.length; i++) {
                assertEquals(i, assertTagged(receive(pair.receiver()).frame(), sizes[i], "message " + i), "order");
            }
            assertEquals(0, sender.ring().slotsInUse(), "all freed");
            // Messages of 64 KiB (the last slot's share) fill every slot.
            for (int i = 0; i < SendRing.SLOTS; i++) {
                sender.send(taggedFrame(64 * KIB, i), List.of());
            }
            assertEquals(SendRing.SLOTS, sender.ring().slotsInUse(), "16 of 64 KiB: every slot");
            for (int i = 0; i < SendRing.SLOTS; i++) {
                assertEquals(i, assertTagged(receive(pair.receiver()).frame(), 64 * KIB, "64 KiB " + i), "order");
            }
        });
    }

    @Test
    void aRingThatCouldNotBeMadeIsTriedAgainASecondLater() {
        assertTimeoutPreemptively(LIMIT, () -> {
            ResourceLimits limits = ResourceLimits.load();
            long[] saved = new long[2];
            assertEquals(0, limits.getrlimit(ResourceLimits.RLIMIT_NOFILE, saved), "getrlimit");
            // Every class of the path loaded before descriptors run out (loading one opens its file), the
            // failure's too.
            assertInstanceOf(IpcDescriptorLimitException.class, Native.error("memfd_create", Errors.EMFILE));
            EndpointPair warm = Channels.pair();
            try {
                warm.sender().send(frame(64 * KIB, 1), List.of());
                assertFrame(receive(warm.receiver()).frame(), 64 * KIB, 1, "warm-up");
            } finally {
                ChannelTestSupport.close(warm);
            }
            EndpointPair pair = Channels.pair();
            LinuxSender sender = (LinuxSender) pair.sender();
            try {
                long failed = System.nanoTime();
                // No descriptor can be opened for a moment: the ring's memfd cannot be made.
                assertEquals(0, limits.setrlimit(ResourceLimits.RLIMIT_NOFILE, new long[] {0, saved[1]}));
                try {
                    sender.send(frame(64 * KIB, 2), List.of());
                } finally {
                    assertEquals(0, limits.setrlimit(ResourceLimits.RLIMIT_NOFILE, saved), "limit restored");
                }
                assertNull(sender.ringIfMade(), "no ring without a descriptor for it");
                assertFrame(receive(pair.receiver()).frame(), 64 * KIB, 2, "sent the ordinary way");
                sender.send(frame(64 * KIB, 3), List.of());
                if (System.nanoTime() - failed < LinuxSender.RING_RETRY_NANOS) {
                    assertNull(sender.ringIfMade(), "not tried again within a second of the failure");
                }
                assertFrame(receive(pair.receiver()).frame(), 64 * KIB, 3, "the next message");
                long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                for (int i = 4; sender.ringIfMade() == null && System.nanoTime() < deadline; i++) {
                    Thread.sleep(50); // the retry is due a second after the failure
                    sender.send(frame(64 * KIB, i), List.of());
                    assertFrame(receive(pair.receiver()).frame(), 64 * KIB, i, "message " + i);
                }
                assertNotNull(sender.ringIfMade(), "made at a message a second after the failure");
                assertTrue(System.nanoTime() - failed >= LinuxSender.RING_RETRY_NANOS, "not before a second");
                sender.send(frame(64 * KIB, 99), List.of());
                assertEquals(1, sender.ring().slotsInUse(), "the ring is used");
                assertFrame(receive(pair.receiver()).frame(), 64 * KIB, 99, "through the ring");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void aReceiverSetHoldsRingMessagesCopiedOutOfTheBlock() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            LinuxReceiver receiver = (LinuxReceiver) pair.receiver();
            try {
                pair.sender().send(ByteBuffer.wrap(new byte[] {7, 7}), frame(80 * KIB, 8).array());
                ReceivedMessage held = receiver.receiveToHold(RECEIVE_TIMEOUT_NANOS);
                assertNotNull(held, "arrived");
                assertEquals(ByteBuffer.wrap(new byte[] {7, 7}), held.frame(), "the prefix, copied");
                assertFrame(held.tail(), 80 * KIB, 8, "the payload");
                assertInstanceOf(ReceivedMessage.class, held.detached(), "needs no release");
                assertNull(receiver.receive(0), "nothing else queued");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    /** Mixes sizes: through the ring, below it, and streamed. */
    private static int lengthOf(int thread, int index) {
        int[] sizes = {64 * KIB, 33 * KIB, 100, 700 * KIB, 2 << 20, 50 * KIB};
        return sizes[(thread + index) % sizes.length];
    }
}
