package ipc.tests.contract;

import static ipc.tests.contract.Contracts.assertSameText;
import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcException;
import ipc.api.IpcSender;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Serialization that re-enters {@code send} on the same thread: Rust's {@code test_reentrant}. The nested message
 * is sent whole before the outer one, and neither is corrupted by the other's encoding.
 */
public abstract class ReentrantSendContract {

    private static final String LARGE = "L".repeat(3 * 1024 * 1024);

    /** A serializer that, before encoding a value starting with "outer", sends {@code nested} on {@code target}. */
    private static TextSerializer reentrant(AtomicReference<IpcSender<String>> target, String nested) {
        return new TextSerializer(value -> {
            if (value.startsWith("outer")) {
                try {
                    target.get().send(nested);
                } catch (IpcException e) {
                    throw new UncheckedIOException(e);
                }
            }
        });
    }

    @Test
    public void reentrantSendOnTheSameChannel() throws Exception {
        AtomicReference<IpcSender<String>> self = new AtomicReference<>();
        try (IpcChannel<String> channel = Ipc.channel(String.class, reentrant(self, "nested"))) {
            self.set(channel.sender());
            channel.sender().send("outer hello");
            assertEquals("nested", receive(channel.receiver(), "nested"), "the nested send completed first");
            assertEquals("outer hello", receive(channel.receiver(), "outer"), "then the outer message, intact");
            channel.sender().send("plain");
            assertEquals("plain", receive(channel.receiver(), "plain"), "later sends are unaffected");
        }
    }

    @Test
    public void largeMessagesOnBothLevels() throws Exception {
        AtomicReference<IpcSender<String>> self = new AtomicReference<>();
        String outer = "outer" + LARGE + "end";
        String nested = "nested" + LARGE + "end";
        try (IpcChannel<String> channel = Ipc.channel(String.class, reentrant(self, nested))) {
            self.set(channel.sender());
            CompletableFuture<Void> sent = Contracts.inBackground("reentrant-sender", () -> channel.sender().send(outer));
            assertSameText(nested, receive(channel.receiver(), "nested"), "the large nested message, intact");
            assertSameText(outer, receive(channel.receiver(), "outer"), "the large outer message, intact");
            Contracts.awaitDone(sent, "the re-entrant send");
            channel.sender().send("small after large");
            assertEquals("small after large", receive(channel.receiver(), "small"), "buffers were not mixed up");
        }
    }

    @Test
    public void reentrantSendOnAnotherChannelWithTheDefaultSerializer() throws Exception {
        try (IpcChannel<String> side = Ipc.channel(String.class)) {
            AtomicReference<IpcSender<String>> target = new AtomicReference<>(side.sender());
            try (IpcChannel<String> channel = Ipc.channel(String.class, reentrant(target, "side " + LARGE))) {
                CompletableFuture<Void> sent = Contracts.inBackground("reentrant-sender",
                        () -> channel.sender().send("outer " + LARGE));
                assertSameText("side " + LARGE, receive(side.receiver(), "side"), "the nested default-serializer send");
                assertSameText("outer " + LARGE, receive(channel.receiver(), "outer"), "the outer text send");
                Contracts.awaitDone(sent, "the re-entrant send");
            }
        }
    }
}
