package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.SetTestSupport.WAIT_NANOS;
import static ipc.transport.linux.internal.SetTestSupport.selectAtLeast;
import static ipc.transport.linux.internal.SetTestSupport.send;
import static ipc.transport.linux.internal.SetTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.spi.EndpointPair;
import ipc.api.spi.SelectionEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Selecting over several receivers: messages, polling, timeouts, and the closed event. */
@EnabledOnOs(OS.LINUX)
class EpollReceiverSetTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    private long fdsBefore;

    @BeforeEach
    void warmUpAndCount() throws Exception {
        try (EpollReceiverSet set = new EpollReceiverSet()) {
            EndpointPair pair = Channels.pair();
            set.add(0, pair.receiver());
            send(pair.sender(), "warm-up");
            selectAtLeast(set, 1);
            pair.sender().close();
        }
        fdsBefore = OpenFileDescriptors.count();
    }

    @AfterEach
    void noDescriptorLeaks() {
        OpenFileDescriptors.assertCount(fdsBefore, "open descriptors after the test");
    }

    @Test
    void messagesFromSeveralReceiversArriveWithTheirIds() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair[] pairs = {Channels.pair(), Channels.pair(), Channels.pair()};
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                for (int i = 0; i < pairs.length; i++) {
                    set.add(100 + i, pairs[i].receiver());
                }
                send(pairs[0].sender(), "zero");
                send(pairs[2].sender(), "two");
                Map<Long, String> received = new HashMap<>();
                for (SelectionEvent event : selectAtLeast(set, 2)) {
                    SelectionEvent.Message message = assertInstanceOf(SelectionEvent.Message.class, event, "event");
                    received.put(message.id(), text(message.message()));
                }
                assertEquals(Map.of(100L, "zero", 102L, "two"), received, "messages by id");
                assertEquals(List.of(), set.select(0), "nothing else is ready");
            } finally {
                for (EndpointPair pair : pairs) {
                    pair.sender().close();
                }
            }
            for (EndpointPair pair : pairs) {
                assertFalse(pair.receiver().isOpen(), "closing the set closes its members");
            }
        });
    }

    @Test
    void atMostOneMessagePerReceiverPerSelect() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                set.add(7, pair.receiver());
                for (int i = 0; i < 3; i++) {
                    send(pair.sender(), "m" + i);
                }
                for (int i = 0; i < 3; i++) {
                    List<SelectionEvent> events = set.select(WAIT_NANOS);
                    assertEquals(1, events.size(), "events of select " + i);
                    assertEquals("m" + i, text(((SelectionEvent.Message) events.get(0)).message()), "order");
                }
            } finally {
                pair.sender().close();
            }
        });
    }

    @Test
    void pollReturnsEmptyWhenNothingIsReady() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                assertEquals(List.of(), set.select(0), "empty set, poll");
                EndpointPair pair = Channels.pair();
                set.add(1, pair.receiver());
                assertEquals(List.of(), set.select(0), "idle receiver, poll");
                send(pair.sender(), "now");
                assertEquals(1, selectAtLeast(set, 1).size(), "a message once sent");
                assertEquals(List.of(), set.select(0), "drained, poll");
                pair.sender().close();
            }
        });
    }

    @Test
    void timeoutIsHonouredAndNeverCutShort() throws Exception {
        long timeout = TimeUnit.MILLISECONDS.toNanos(60);
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                set.add(1, pair.receiver());
                long start = System.nanoTime();
                assertEquals(List.of(), set.select(timeout), "nothing arrives");
                long elapsed = System.nanoTime() - start;
                assertTrue(elapsed >= timeout, "select returned after " + elapsed + " ns, before its timeout");
            } finally {
                pair.sender().close();
            }
            try (EpollReceiverSet empty = new EpollReceiverSet()) {
                long start = System.nanoTime();
                assertEquals(List.of(), empty.select(timeout), "empty set with a finite timeout");
                assertTrue(System.nanoTime() - start >= timeout, "empty set waits its timeout too");
            }
        });
    }

    @Test
    void closedIsReportedOnceAfterTheLastMessage() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                set.add(5, pair.receiver());
                send(pair.sender(), "first");
                send(pair.sender(), "last");
                pair.sender().close();
                List<SelectionEvent> events = selectAtLeast(set, 3);
                assertEquals(3, events.size(), "two messages then closed: " + events);
                assertEquals("first", text(((SelectionEvent.Message) events.get(0)).message()), "first");
                assertEquals("last", text(((SelectionEvent.Message) events.get(1)).message()), "second");
                assertEquals(new SelectionEvent.Closed(5), events.get(2), "closed after the last message");
                assertEquals(0, set.size(), "the closed receiver left the set");
                assertFalse(pair.receiver().isOpen(), "the set closed the receiver");
                assertEquals(List.of(), set.select(TimeUnit.MILLISECONDS.toNanos(20)), "closed only once");
            }
        });
    }
}
