package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static ipc.transport.linux.internal.ChannelTestSupport.receive;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.IpcDisconnectedException;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.SenderEndpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Thousands of channels created, used and closed leave no descriptor behind. */
@EnabledOnOs(OS.LINUX)
class ChannelLeakTest {

    private static final int ROUNDS = 3000;
    private static final long MILLISECOND = 1_000_000;

    @Test
    void createUseAndCloseThousandsOfChannels() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            warmUp();
            int before = ChannelTestSupport.openFds();
            for (int i = 0; i < ROUNDS; i++) {
                EndpointPair pair = Channels.pair();
                EndpointPair inner = Channels.pair();
                SenderEndpoint copy = pair.sender().duplicate();
                copy.send(frame(16, i), List.of(inner.sender(), inner.receiver(), copy));
                ReceivedMessage message = receive(pair.receiver());
                message.closeHandles();
                if (i % 10 == 0) {
                    assertNull(pair.receiver().receive(MILLISECOND), "a timed wait (creates the wake-up eventfd)");
                }
                if (i % 100 == 0) {
                    pair.sender().send(frame(OutboundMessage.maxInlinePayload(0) + 1, i), List.of());
                    receive(pair.receiver());
                }
                copy.close();
                pair.sender().close();
                assertThrows(IpcDisconnectedException.class, () -> pair.receiver().receive(0), "round " + i);
                pair.receiver().close();
                ChannelTestSupport.close(inner);
            }
            ChannelTestSupport.assertNoFdLeak(before, ROUNDS + " rounds of create, send, receive, close");
        });
    }

    @Test
    void closingAReceiverWithUnreadHandlesReleasesThem() {
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            warmUp();
            int before = ChannelTestSupport.openFds();
            for (int i = 0; i < ROUNDS / 10; i++) {
                EndpointPair pair = Channels.pair();
                EndpointPair inner = Channels.pair();
                pair.sender().send(frame(4, i), List.of(inner.sender(), inner.receiver()));
                pair.sender().send(frame(OutboundMessage.maxInlinePayload(0) + 1, i), List.of());
                ChannelTestSupport.close(inner);
                ChannelTestSupport.close(pair); // the kernel releases what the queue still holds
            }
            ChannelTestSupport.assertNoFdLeak(before, "channels closed with unread messages");
        });
    }

    /** Fills the native-message pool and loads classes, so that later counts only see what the rounds leave. */
    private static void warmUp() throws Exception {
        EndpointPair pair = Channels.pair();
        pair.sender().send(frame(1, 1), List.of());
        receive(pair.receiver());
        ChannelTestSupport.close(pair);
    }
}
