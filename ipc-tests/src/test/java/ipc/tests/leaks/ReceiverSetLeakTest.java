package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.AT_ONCE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult.ChannelClosed;
import ipc.api.IpcSelectionResult.MessageReceived;
import ipc.api.IpcSelectionResult;
import ipc.api.IpcSender;
import ipc.api.IpcSerializationException;
import ipc.api.TypeRef;
import ipc.tests.messages.Person;
import ipc.tests.support.LeakCheck;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Receiver sets with many receivers (typed, bytes and opaque) added, selected (messages with handles decoded,
 * left undecoded, and decoded as the wrong type), partly reported closed, and closed with the rest still in them,
 * some with a message carrying a handle still queued.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ReceiverSetLeakTest {

    private static final int ROUNDS = 40;
    private static final int WARM_UPS = 5;
    /** Receivers per set, of each of the three kinds. */
    private static final int PER_KIND = 15;

    @Test
    void manyReceiversAddedSelectedAndClosed() throws Exception {
        LeakCheck.assertNoGrowth("receiver sets of " + 3 * PER_KIND + " receivers", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            List<AutoCloseable> senders = new ArrayList<>();
            try (IpcReceiverSet set = IpcReceiverSet.create(); IpcChannel<String> target = Ipc.channel(String.class)) {
                List<IpcSender<IpcSender<String>>> typed = new ArrayList<>();
                Map<Long, Integer> typedIds = new HashMap<>();
                for (int k = 0; k < PER_KIND; k++) {
                    IpcChannel<IpcSender<String>> channel = Ipc.channel(new TypeRef<IpcSender<String>>() {});
                    typedIds.put(set.add(channel.receiver()), k);
                    typed.add(channel.sender());
                    IpcBytesChannel bytes = Ipc.bytesChannel();
                    set.add(bytes.receiver());
                    senders.add(bytes.sender());
                    IpcChannel<String> opaque = Ipc.channel(String.class);
                    set.add(opaque.receiver().toOpaque());
                    senders.add(opaque.sender());
                    bytes.sender().send(new byte[] {(byte) k});
                    opaque.sender().send("opaque " + k);
                    channel.sender().send(target.sender());
                }
                assertEquals(3 * PER_KIND, set.size());
                // A third of the typed channels lose their sender after their message: reported closed.
                for (int k = 0; k < PER_KIND; k += 3) {
                    typed.get(k).close();
                }
                senders.addAll(typed);
                int messages = 0;
                int closed = 0;
                int expectedClosed = (PER_KIND + 2) / 3;
                Set<Long> seen = new HashSet<>();
                while (messages < 3 * PER_KIND || closed < expectedClosed) {
                    List<IpcSelectionResult> results = set.trySelect(Leaks.WAIT);
                    if (results.isEmpty()) {
                        throw new AssertionError("nothing selected within " + Leaks.WAIT + " (" + messages
                                + " messages, " + closed + " closed)");
                    }
                    for (IpcSelectionResult result : results) {
                        if (result instanceof MessageReceived received) {
                            handle(received, typedIds.get(received.id()), target);
                            messages++;
                            seen.add(received.id());
                        } else if (result instanceof ChannelClosed) {
                            closed++;
                        }
                    }
                }
                assertEquals(3 * PER_KIND, seen.size(), "one message from every receiver");
                assertEquals(3 * PER_KIND - expectedClosed, set.size(), "closed receivers left the set");
                for (int k = 1; k < PER_KIND; k++) {
                    if (k % 3 != 0) {
                        typed.get(k).send(target.sender()); // never selected: queued when the set closes
                    }
                }
            } finally {
                for (AutoCloseable sender : senders) {
                    sender.close();
                }
            }
        });
    }

    /**
     * Closes the messages of the bytes and opaque receivers undecoded; of the typed receivers' messages (a sender
     * each), closes one in three undecoded, decodes and uses one, and decodes one as the wrong type.
     */
    private static void handle(MessageReceived received, Integer typedIndex, IpcChannel<String> target)
            throws Exception {
        var message = received.message();
        if (typedIndex == null) {
            assertEquals(0, message.handleCount());
            message.close();
        } else if (typedIndex % 3 == 0) {
            assertEquals(1, message.handleCount());
            message.close();
        } else if (typedIndex % 3 == 1) {
            try (IpcSender<String> sender = message.to(new TypeRef<IpcSender<String>>() {})) {
                sender.send("via a selected sender");
                assertEquals("via a selected sender", Leaks.recv(target.receiver()));
            }
        } else {
            assertThrows(IpcSerializationException.class, () -> message.to(Person.class), "a sender as a Person");
        }
    }
}
