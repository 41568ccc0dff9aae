package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.SetTestSupport.selectAtLeast;
import static ipc.transport.linux.internal.SetTestSupport.send;
import static ipc.transport.linux.internal.SetTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcException;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.ReceiverEndpoint;
import ipc.api.spi.SelectionEvent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Closing, misuse, and a peer sending garbage. */
@EnabledOnOs(OS.LINUX)
class EpollReceiverSetLifecycleTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void closeFromAnotherThreadWakesABlockedSelect() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            EpollReceiverSet set = new EpollReceiverSet();
            set.add(1, pair.receiver());
            CompletableFuture<List<SelectionEvent>> selecting = CompletableFuture.supplyAsync(() -> {
                try {
                    return set.select(-1);
                } catch (IpcException e) {
                    throw new IllegalStateException(e);
                }
            });
            while (!set.busy() && !selecting.isDone()) {
                Thread.onSpinWait(); // until select has entered: then close must wake it through the eventfd
            }
            set.close();
            ExecutionException thrown = assertThrows(ExecutionException.class, selecting::get, "select must end");
            assertTrue(thrown.getCause() instanceof IllegalStateException
                    && thrown.getCause().getMessage().contains("closed"), "select reports the closed set: " + thrown);
            assertFalse(pair.receiver().isOpen(), "members are closed with the set");
            pair.sender().close();
        });
    }

    @Test
    void closedSetRejectsCallsAndCloseIsIdempotent() throws Exception {
        EpollReceiverSet set = new EpollReceiverSet();
        set.close();
        set.close();
        EndpointPair pair = Channels.pair();
        assertThrows(IllegalStateException.class, () -> set.select(0), "select on a closed set");
        assertThrows(IllegalStateException.class, () -> set.add(1, pair.receiver()), "add to a closed set");
        assertTrue(pair.receiver().isOpen(), "a receiver refused by a closed set stays the caller's");
        pair.receiver().close();
        pair.sender().close();
    }

    @Test
    void addRejectsForeignClosedAndDuplicateReceivers() throws Exception {
        try (EpollReceiverSet set = new EpollReceiverSet()) {
            ReceiverEndpoint foreign = new ReceiverEndpoint() {
                @Override
                public ReceivedMessage receive(long timeoutNanos) {
                    return null;
                }

                @Override
                public boolean isOpen() {
                    return true;
                }

                @Override
                public void close() {
                }
            };
            assertThrows(IllegalArgumentException.class, () -> set.add(1, foreign), "a foreign receiver");
            EndpointPair closed = Channels.pair();
            closed.receiver().close();
            closed.sender().close();
            assertThrows(IllegalArgumentException.class, () -> set.add(2, closed.receiver()), "a closed receiver");
            EndpointPair pair = Channels.pair();
            EndpointPair other = Channels.pair();
            set.add(3, pair.receiver());
            assertThrows(IllegalArgumentException.class, () -> set.add(3, other.receiver()), "a duplicate id");
            assertEquals(1, set.size(), "only the valid receiver joined");
            other.receiver().close();
            other.sender().close();
            pair.sender().close();
        }
    }

    @Test
    void garbageOnOneReceiverDoesNotBreakTheSet() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            int[] raw = Channels.socketPair();
            byte[] garbage = "not a wire header".getBytes(StandardCharsets.US_ASCII);
            jnr.ffi.Pointer bytes = jnr.ffi.Memory.allocateDirect(Native.runtime(), garbage.length);
            bytes.put(0, garbage, 0, garbage.length);
            assertEquals(garbage.length, Native.libc().write(raw[0], bytes, garbage.length), "write garbage");
            LinuxSender hostile = LinuxSender.adopt(raw[0]);
            EndpointPair good = Channels.pair();
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                set.add(1, LinuxReceiver.adopt(raw[1]));
                set.add(2, good.receiver());
                send(good.sender(), "fine");
                List<SelectionEvent> events = selectAtLeast(set, 1);
                assertEquals(List.of(2L), events.stream().map(SelectionEvent::id).toList(), "only the good message");
                assertEquals("fine", text(((SelectionEvent.Message) events.get(0)).message()), "good content");
                send(hostile, "after the garbage");
                SelectionEvent next = selectAtLeast(set, 1).get(0);
                assertEquals(1L, next.id(), "the receiver that got garbage still works");
                assertEquals("after the garbage", text(((SelectionEvent.Message) next).message()), "content");
                hostile.close();
                assertEquals(new SelectionEvent.Closed(1), selectAtLeast(set, 1).get(0), "then it is closed");
                good.sender().close();
            }
        });
    }

    @Test
    void receiverClosedBehindTheSetsBackIsReportedClosed() throws Exception {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                set.add(9, pair.receiver());
                pair.receiver().close(); // the set still holds the descriptor until it has removed it from epoll
                send(pair.sender(), "too late");
                assertEquals(List.of(new SelectionEvent.Closed(9)), selectAtLeast(set, 1), "reported closed");
                assertEquals(0, set.size(), "left the set");
            } finally {
                pair.sender().close();
            }
        });
    }
}
