package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.AT_ONCE;
import static ipc.tests.support.LeakCheck.Release.MAPPINGS_BY_GC;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcReceiver;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult.MessageReceived;
import ipc.api.IpcSelectionResult;
import ipc.api.IpcSender;
import ipc.api.TypeRef;
import ipc.tests.contract.AllHandlesFixture;
import ipc.tests.messages.AllHandles;
import ipc.tests.messages.Envelope;
import ipc.tests.support.LeakCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Senders, receivers and shared memory sent inside messages through several hops, claimed and closed, or never
 * claimed, or still queued when their channel closes.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class HandlePassingLeakTest {

    private static final int ROUNDS = 100;
    private static final int WARM_UPS = 20;
    private static final int MANY = 300;

    /**
     * What travels: the seven handle types, and a receiver with a message (itself carrying a sender) still queued
     * in it.
     *
     * @param all one handle of each type
     * @param nested a receiver whose queue holds a sender
     */
    public record Parcel(AllHandles all, IpcReceiver<IpcSender<String>> nested) {}

    @Test
    void handlesThroughThreeHops() throws Exception {
        // Reading the received shared memory maps it; the mapping goes when its buffer is collected.
        LeakCheck.assertNoGrowth("handles sent through three hops, one copy left queued", WARM_UPS, ROUNDS,
                MAPPINGS_BY_GC, i -> {
                    try (AllHandlesFixture source = new AllHandlesFixture();
                            IpcChannel<IpcSender<String>> nested = Ipc.channel(new TypeRef<IpcSender<String>>() {});
                            IpcChannel<String> inner = Ipc.channel(String.class);
                            IpcChannel<Parcel> hop1 = Ipc.channel(Parcel.class);
                            IpcChannel<Parcel> hop2 = Ipc.channel(Parcel.class);
                            IpcChannel<Parcel> hop3 = Ipc.channel(Parcel.class)) {
                        nested.sender().send(inner.sender());
                        hop1.sender().send(new Parcel(source.handles(), nested.receiver()));
                        nested.receiver().close();
                        Parcel first = Leaks.recv(hop1.receiver());
                        hop2.sender().send(first);
                        close(first);
                        Parcel second = Leaks.recv(hop2.receiver());
                        hop3.sender().send(second);
                        hop3.sender().send(second); // never read: closed with hop3, handles and all
                        close(second);
                        Parcel third = Leaks.recv(hop3.receiver());
                        try (IpcSender<String> innerSender = Leaks.recv(third.nested())) {
                            innerSender.send("through the nested queue");
                            assertEquals("through the nested queue", Leaks.recv(inner.receiver()));
                        }
                        third.nested().close();
                        source.assertWorks(third.all(), "after three hops");
                    }
                });
    }

    @Test
    void handlesReceivedAndNeverClaimed() throws Exception {
        LeakCheck.assertNoGrowth("messages with handles received as opaque messages and closed undecoded",
                WARM_UPS, ROUNDS, AT_ONCE, i -> {
                    try (AllHandlesFixture source = new AllHandlesFixture(); IpcReceiverSet set = IpcReceiverSet.create();
                            IpcChannel<AllHandles> channel = Ipc.channel(AllHandles.class)) {
                        channel.sender().send(source.handles());
                        channel.sender().send(source.handles());
                        long id = set.add(channel.receiver());
                        channel.sender().close();
                        int received = 0;
                        boolean closed = false;
                        while (!closed) {
                            List<IpcSelectionResult> results = set.trySelect(Leaks.WAIT);
                            for (IpcSelectionResult result : results) {
                                assertEquals(id, result.id());
                                if (result instanceof MessageReceived message) {
                                    assertEquals(7, message.message().handleCount());
                                    message.message().close();
                                    received++;
                                } else {
                                    closed = true;
                                }
                            }
                            if (results.isEmpty()) {
                                throw new AssertionError("nothing selected within " + Leaks.WAIT);
                            }
                        }
                        assertEquals(2, received, "both messages, then the closed channel");
                    }
                });
    }

    @Test
    void sentReceiverOutlivesItsSenderOnlyWhileHeld() throws Exception {
        LeakCheck.assertNoGrowth("a receiver sent away, its sender closed, received and drained", WARM_UPS, ROUNDS,
                AT_ONCE, i -> {
                    try (IpcChannel<IpcReceiver<String>> carrier = Ipc.channel(new TypeRef<IpcReceiver<String>>() {})) {
                        IpcChannel<String> channel = Ipc.channel(String.class);
                        channel.sender().send("queued " + i);
                        carrier.sender().send(channel.receiver());
                        channel.close();
                        try (IpcReceiver<String> received = Leaks.recv(carrier.receiver())) {
                            assertEquals("queued " + i, Leaks.recv(received));
                            assertThrows(IpcDisconnectedException.class, received::tryRecv,
                                    "the only sender was closed");
                        }
                    }
                });
    }

    @Test
    void moreHandlesThanOneDatagramHolds() throws Exception {
        // Past 253 descriptors (SCM_MAX_FD) the rest travel through a private overflow socket pair.
        LeakCheck.assertNoGrowth("messages of " + MANY + " handles received, left queued and refused", 3, 30,
                AT_ONCE, i -> {
                    try (IpcChannel<String> target = Ipc.channel(String.class);
                            IpcChannel<List<IpcSender<String>>> channel =
                                    Ipc.channel(new TypeRef<List<IpcSender<String>>>() {})) {
                        List<IpcSender<String>> senders = new ArrayList<>();
                        for (int k = 0; k < MANY; k++) {
                            senders.add(target.sender().duplicate());
                        }
                        channel.sender().send(senders);
                        channel.sender().send(senders); // left queued
                        List<IpcSender<String>> received = Leaks.recv(channel.receiver());
                        assertEquals(MANY, received.size());
                        received.get(MANY - 1).send("through the last one");
                        assertEquals("through the last one", Leaks.recv(target.receiver()));
                        received.forEach(IpcSender::close);
                        try (IpcChannel<List<IpcSender<String>>> closed =
                                Ipc.channel(new TypeRef<List<IpcSender<String>>>() {})) {
                            closed.receiver().close();
                            assertThrows(IpcDisconnectedException.class, () -> closed.sender().send(senders),
                                    "refused by a closed receiver");
                        }
                        senders.forEach(IpcSender::close);
                    }
                });
    }

    @Test
    void handlesRefusedByAClosedReceiver() throws Exception {
        LeakCheck.assertNoGrowth("messages with handles, small and large, sent to a closed receiver", WARM_UPS,
                ROUNDS, AT_ONCE, i -> {
                    try (AllHandlesFixture source = new AllHandlesFixture();
                            IpcChannel<Envelope<AllHandles>> channel =
                                    Ipc.channel(new TypeRef<Envelope<AllHandles>>() {})) {
                        channel.receiver().close();
                        String label = i % 2 == 0 ? "small" : "x".repeat(300_000); // the large one in a memfd
                        assertThrows(IpcDisconnectedException.class,
                                () -> channel.sender().send(new Envelope<>(label, source.handles())), "round " + i);
                    }
                });
    }

    private static void close(Parcel parcel) {
        Leaks.closeAll(parcel.all());
        parcel.nested().close();
    }
}
