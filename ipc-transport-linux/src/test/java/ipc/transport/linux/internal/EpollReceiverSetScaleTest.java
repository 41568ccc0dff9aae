package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.SetTestSupport.WAIT_NANOS;
import static ipc.transport.linux.internal.SetTestSupport.send;
import static ipc.transport.linux.internal.SetTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ipc.api.spi.EndpointPair;
import ipc.api.spi.SelectionEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Thousands of receivers in one set: every message and every close is reported exactly once. */
@EnabledOnOs(OS.LINUX)
class EpollReceiverSetScaleTest {

    private static final int WANTED = 2500;
    private static final int MINIMUM = 2000;
    /** Descriptors kept free for the JVM and the test framework. */
    private static final long HEADROOM = 256;
    private static final int FDS_PER_CHANNEL = 2;

    @BeforeEach
    void warmUp() throws Exception {
        // The first use loads classes and lets the JVM open what it keeps open (/dev/urandom, say).
        EndpointPair pair = Channels.pair();
        try (EpollReceiverSet set = new EpollReceiverSet()) {
            set.add(0, pair.receiver());
            send(pair.sender(), "warm-up");
            set.select(WAIT_NANOS);
        } finally {
            pair.sender().close();
        }
    }

    @Test
    void thousandsOfReceiversEachReportMessageThenClosedOnce() {
        long room = (SetTestSupport.descriptorLimit() - OpenFileDescriptors.count() - HEADROOM) / FDS_PER_CHANNEL;
        int count = (int) Math.min(WANTED, room);
        assumeTrue(count >= MINIMUM, "RLIMIT_NOFILE leaves room for only " + count + " channels; raise ulimit -n");
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            long before = OpenFileDescriptors.count();
            List<EndpointPair> pairs = new ArrayList<>(count);
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                for (int i = 0; i < count; i++) {
                    EndpointPair pair = Channels.pair();
                    pairs.add(pair);
                    set.add(i, pair.receiver());
                }
                for (int i = 0; i < count; i++) {
                    send(pairs.get(i).sender(), "message " + i);
                    pairs.get(i).sender().close();
                }
                BitSet messages = new BitSet(count);
                BitSet closed = new BitSet(count);
                int selects = 0;
                while (closed.cardinality() < count) {
                    List<SelectionEvent> events = set.select(WAIT_NANOS);
                    assertFalse(events.isEmpty(), "select timed out with " + closed.cardinality() + " closed");
                    assertTrue(events.size() <= EpollReceiverSet.MAX_EVENTS, "events per select: " + events.size());
                    selects++;
                    for (SelectionEvent event : events) {
                        int id = (int) event.id();
                        if (event instanceof SelectionEvent.Message message) {
                            assertEquals("message " + id, text(message.message()), "content for id " + id);
                            assertFalse(messages.get(id), "one message for id " + id);
                            messages.set(id);
                        } else {
                            assertTrue(messages.get(id), "closed after the message for id " + id);
                            assertFalse(closed.get(id), "closed once for id " + id);
                            closed.set(id);
                        }
                    }
                }
                assertEquals(count, messages.cardinality(), "every message");
                assertEquals(0, set.size(), "every closed receiver left the set");
                System.out.printf("receiver set: %d receivers, %d events in %d selects%n", count, 2 * count, selects);
            }
            OpenFileDescriptors.assertCount(before, "descriptors after closing " + count + " channels");
        });
    }

    @Test
    void closingTheSetClosesThousandsOfIdleMembers() {
        long room = (SetTestSupport.descriptorLimit() - OpenFileDescriptors.count() - HEADROOM) / FDS_PER_CHANNEL;
        int count = (int) Math.min(WANTED, room);
        assumeTrue(count >= MINIMUM, "RLIMIT_NOFILE leaves room for only " + count + " channels; raise ulimit -n");
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            long before = OpenFileDescriptors.count();
            List<EndpointPair> pairs = new ArrayList<>(count);
            EpollReceiverSet set = new EpollReceiverSet();
            for (int i = 0; i < count; i++) {
                EndpointPair pair = Channels.pair();
                pairs.add(pair);
                set.add(i, pair.receiver());
            }
            set.close();
            for (EndpointPair pair : pairs) {
                assertFalse(pair.receiver().isOpen(), "member closed with the set");
                pair.sender().close();
            }
            OpenFileDescriptors.assertCount(before, "descriptors after closing the set");
        });
    }
}
