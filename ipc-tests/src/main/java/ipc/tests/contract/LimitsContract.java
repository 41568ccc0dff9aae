package ipc.tests.contract;

import static ipc.tests.contract.Contracts.TIMEOUT;
import static ipc.tests.contract.Contracts.assertDisconnected;
import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcLimitExceededException;
import ipc.api.IpcLimits;
import ipc.api.IpcReceiverSet;
import ipc.api.IpcSelectionResult;
import ipc.api.IpcSender;
import ipc.api.TypeRef;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Receive-side limits ({@link IpcLimits}): a message over a limit is dropped with {@link IpcLimitExceededException},
 * the handles it carried are closed, and the channel goes on delivering the next message.
 */
public abstract class LimitsContract {

    /** Above the largest datagram (212,952 bytes), so that the Linux transport moves the payload in a memfd. */
    private static final int LARGE = 300_000;
    /** More than the few bytes the API's frame header adds to a message. */
    private static final int FRAMING = 100;

    private IpcLimits saved;

    @BeforeEach
    void saveLimits() {
        saved = IpcLimits.current();
    }

    @AfterEach
    void restoreLimits() {
        IpcLimits.set(saved);
    }

    @Test
    public void messageOverTheSizeLimitIsDroppedAndTheNextOneArrives() throws Exception {
        IpcLimits.set(saved.withMaxMessageBytes(1000));
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            channel.sender().send(new byte[2000]);
            channel.sender().send(new byte[] {1, 2, 3});
            IpcLimitExceededException e = assertThrows(IpcLimitExceededException.class,
                    () -> channel.receiver().tryRecv(TIMEOUT), "a 2000-byte message over a 1000-byte limit");
            assertTrue(e.getMessage().contains("1000") && e.getMessage().contains(IpcLimits.MAX_MESSAGE_BYTES_PROPERTY),
                    "the message names the limit and the property that raises it: " + e.getMessage());
            assertArrayEquals(new byte[] {1, 2, 3}, receive(channel.receiver(), "the next message"),
                    "the channel stays usable");
        }
    }

    @Test
    public void largeMessageOverTheLimitIsDroppedBeforeItIsRead() throws Exception {
        // The limit counts the encoded message, a few bytes of framing more than the user's bytes.
        IpcLimits.set(saved.withMaxMessageBytes(LARGE + FRAMING));
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            channel.sender().send(new byte[LARGE + 2 * FRAMING]);
            channel.sender().send(new byte[LARGE]);
            assertThrows(IpcLimitExceededException.class, () -> channel.receiver().tryRecv(TIMEOUT),
                    "a large message over the limit");
            assertEquals(LARGE, receive(channel.receiver(), "within the limit").length, "the next one arrives");
        }
    }

    @Test
    public void messageWithTooManyHandlesIsDroppedAndItsHandlesClosed() throws Exception {
        IpcLimits.set(saved.withMaxHandlesPerMessage(2));
        TypeRef<List<IpcSender<String>>> senders = new TypeRef<>() {};
        List<IpcChannel<String>> targets = new ArrayList<>();
        try (IpcChannel<List<IpcSender<String>>> channel = Ipc.channel(senders)) {
            for (int i = 0; i < 3; i++) {
                targets.add(Ipc.channel(String.class));
            }
            channel.sender().send(targets.stream().map(IpcChannel::sender).toList());
            channel.sender().send(List.of(targets.get(0).sender(), targets.get(1).sender()));
            for (IpcChannel<String> target : targets) {
                target.sender().close(); // now only the copies inside the messages keep the targets connected
            }
            IpcLimitExceededException e = assertThrows(IpcLimitExceededException.class,
                    () -> channel.receiver().tryRecv(TIMEOUT), "3 handles over a limit of 2");
            assertTrue(e.getMessage().contains("3") && e.getMessage().contains(IpcLimits.MAX_HANDLES_PROPERTY),
                    "the message names the count and the property: " + e.getMessage());
            assertDisconnected(targets.get(2).receiver(), "the dropped message's copy of the third sender is closed");
            List<IpcSender<String>> two = receive(channel.receiver(), "2 handles, within the limit");
            two.get(0).send("zero");
            assertEquals("zero", receive(targets.get(0).receiver(), "through a handle of the next message"),
                    "the next message's handles work");
            two.forEach(IpcSender::close);
        } finally {
            targets.forEach(IpcChannel::close);
        }
    }

    @Test
    public void receiverSetDropsAMessageOverTheLimitAndDeliversTheNext() throws Exception {
        IpcLimits.set(saved.withMaxMessageBytes(100));
        try (IpcBytesChannel channel = Ipc.bytesChannel(); IpcReceiverSet set = IpcReceiverSet.create()) {
            long id = set.add(channel.receiver());
            channel.sender().send(new byte[101]);
            channel.sender().send(new byte[] {7});
            IpcSelectionResult result = null;
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (result == null && System.nanoTime() - deadline < 0) {
                List<IpcSelectionResult> results = set.trySelect(TIMEOUT);
                result = results.isEmpty() ? null : results.get(0);
            }
            IpcSelectionResult.MessageReceived message = assertInstanceOf(IpcSelectionResult.MessageReceived.class,
                    result, "the message within the limit is selected");
            assertEquals(id, message.id(), "from the channel's receiver");
            assertArrayEquals(new byte[] {7}, message.message().to(byte[].class), "the oversized one was dropped");
        }
    }

    @Test
    public void limitsRejectNonsense() {
        assertThrows(IllegalArgumentException.class, () -> new IpcLimits(0, 1), "a message limit below 1 byte");
        assertThrows(IllegalArgumentException.class, () -> new IpcLimits(1, -1), "a negative handle limit");
    }
}
