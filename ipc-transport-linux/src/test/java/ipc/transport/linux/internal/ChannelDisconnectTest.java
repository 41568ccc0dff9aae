package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static ipc.transport.linux.internal.ChannelTestSupport.receive;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.SenderEndpoint;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** When a channel counts as disconnected, on either side. */
@EnabledOnOs(OS.LINUX)
class ChannelDisconnectTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    @Test
    void queuedMessagesArriveBeforeTheDisconnect() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try {
                for (int i = 0; i < 3; i++) {
                    pair.sender().send(frame(10, i), List.of());
                }
                pair.sender().send(frame(OutboundMessage.maxInlinePayload(0) + 1, 9), List.of());
                pair.sender().close();
                for (int i = 0; i < 3; i++) {
                    assertFrame(receive(pair.receiver()).frame(), 10, i, "queued message " + i);
                }
                assertFrame(receive(pair.receiver()).frame(), OutboundMessage.maxInlinePayload(0) + 1, 9,
                        "queued large message");
                assertThrows(IpcDisconnectedException.class, () -> pair.receiver().receive(-1), "drained: blocking");
                assertThrows(IpcDisconnectedException.class, () -> pair.receiver().receive(0), "drained: poll");
                assertThrows(IpcDisconnectedException.class, () -> pair.receiver().receive(1_000_000), "timed");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void aSenderInsideAnUndeliveredMessageKeepsTheChannelAlive() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair watched = Channels.pair();
            EndpointPair carrier = Channels.pair();
            try {
                carrier.sender().send(frame(1, 1), List.of(watched.sender()));
                watched.sender().close();
                assertNull(watched.receiver().receive(0), "a sender is still in flight: not disconnected");
                ReceivedMessage message = receive(carrier.receiver());
                SenderEndpoint revived = (SenderEndpoint) message.handles().get(0);
                assertNull(watched.receiver().receive(0), "the delivered sender is open: not disconnected");
                revived.send(frame(4, 4), List.of());
                revived.close();
                assertFrame(receive(watched.receiver()).frame(), 4, 4, "message of the revived sender");
                assertThrows(IpcDisconnectedException.class, () -> watched.receiver().receive(-1),
                        "last sender closed after delivery");
            } finally {
                ChannelTestSupport.close(watched);
                ChannelTestSupport.close(carrier);
            }
        });
    }

    @Test
    void aSenderSentOnItsOwnChannelDisconnectsOnceReceivedAndClosed() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try {
                pair.sender().send(frame(2, 2), List.of(pair.sender()));
                pair.sender().close();
                ReceivedMessage message = receive(pair.receiver());
                assertNull(pair.receiver().receive(0), "its own sender arrived and is open");
                message.closeHandles();
                assertThrows(IpcDisconnectedException.class, () -> pair.receiver().receive(-1), "now it is gone");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void sendingToAClosedReceiverThrowsWithoutSigpipe() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try {
                pair.receiver().close();
                IpcDisconnectedException small = assertThrows(IpcDisconnectedException.class,
                        () -> pair.sender().send(frame(8, 1), List.of()), "small frame to a closed receiver");
                assertTrue(small.getMessage().contains("sendmsg"), "names the call: " + small.getMessage());
                assertThrows(IpcDisconnectedException.class,
                        () -> pair.sender().send(frame(OutboundMessage.maxInlinePayload(0) + 1, 1), List.of()),
                        "large frame to a closed receiver");
                // Still alive: SIGPIPE would have killed the JVM.
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void aReceiverInsideAnUndeliveredMessageKeepsSendsWorking() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair watched = Channels.pair();
            EndpointPair carrier = Channels.pair();
            try {
                carrier.sender().send(frame(1, 1), List.of(watched.receiver()));
                watched.receiver().close();
                watched.sender().send(frame(3, 3), List.of()); // the receiver is in flight, not gone
                ReceivedMessage message = receive(carrier.receiver());
                assertFrame(receive((LinuxReceiver) message.handles().get(0)).frame(), 3, 3, "via delivered receiver");
                message.closeHandles();
                assertThrows(IpcDisconnectedException.class, () -> watched.sender().send(frame(1, 1), List.of()),
                        "every receiver handle closed");
            } finally {
                ChannelTestSupport.close(watched);
                ChannelTestSupport.close(carrier);
            }
        });
    }

    @Test
    void duplicateKeepsTheChannelOpenUntilEveryCopyIsClosed() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            try {
                SenderEndpoint copy = pair.sender().duplicate();
                pair.sender().close();
                assertNull(pair.receiver().receive(0), "the duplicate is open");
                copy.send(frame(6, 6), List.of());
                assertFrame(receive(pair.receiver()).frame(), 6, 6, "sent through the duplicate");
                copy.close();
                assertThrows(IpcDisconnectedException.class, () -> pair.receiver().receive(-1), "all copies closed");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void aDuplicateIsCloseOnExec() {
        assertTimeoutPreemptively(LIMIT, () -> {
            EndpointPair pair = Channels.pair();
            LinuxSender copy = (LinuxSender) pair.sender().duplicate();
            try {
                int fdFlags = Native.libc().fcntl(copy.fd(), Linux.F_GETFD, 0);
                assertTrue((fdFlags & FD_CLOEXEC) != 0, "FD_CLOEXEC set on the duplicate: " + fdFlags);
                int original = Native.libc().fcntl(((LinuxSender) pair.sender()).fd(), Linux.F_GETFD, 0);
                assertTrue((original & FD_CLOEXEC) != 0, "FD_CLOEXEC set on the socket pair: " + original);
            } finally {
                copy.close();
                ChannelTestSupport.close(pair);
            }
        });
    }

    private static final int FD_CLOEXEC = 1;
}
