package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.AT_ONCE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcBytesSender;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcReceiver;
import ipc.api.IpcSender;
import ipc.tests.support.LeakCheck;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Thousands of typed and bytes channels created, used through duplicates and views, disconnected and closed. */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ChannelLeakTest {

    private static final int ROUNDS = 1000;
    private static final int WARM_UPS = 50;

    @Test
    void typedChannels() throws Exception {
        LeakCheck.assertNoGrowth("typed channels created, duplicated, viewed, disconnected and closed", WARM_UPS,
                ROUNDS, AT_ONCE, i -> {
                    try (IpcChannel<String> channel = Ipc.channel(String.class)) {
                        IpcSender<String> copy = channel.sender().duplicate();
                        copy.send("m" + i);
                        IpcReceiver<String> view = channel.receiver().toOpaque().to(String.class);
                        assertEquals("m" + i, Leaks.recv(view), "through a view of the receiver");
                        if (i % 10 == 0) {
                            // A timed wait that times out (the transport may create a wake-up descriptor for it).
                            assertEquals(Optional.empty(), channel.receiver().tryRecv(Duration.ofMillis(1)));
                        }
                        copy.close();
                        channel.sender().close();
                        assertThrows(IpcDisconnectedException.class, () -> channel.receiver().tryRecv(),
                                "round " + i + ": every sender closed");
                    }
                });
    }

    @Test
    void bytesChannels() throws Exception {
        LeakCheck.assertNoGrowth("bytes channels created, used, closed from the receiving end", WARM_UPS, ROUNDS,
                AT_ONCE, i -> {
                    try (IpcBytesChannel channel = Ipc.bytesChannel()) {
                        IpcBytesSender copy = channel.sender().duplicate();
                        copy.send(new byte[] {(byte) i});
                        channel.sender().send(ByteBuffer.wrap(new byte[] {1, 2, 3}));
                        assertArrayEquals(new byte[] {(byte) i}, Leaks.recv(channel.receiver()));
                        assertArrayEquals(new byte[] {1, 2, 3}, Leaks.recv(channel.receiver()));
                        channel.receiver().close();
                        assertThrows(IpcDisconnectedException.class, () -> copy.send(new byte[1]),
                                "round " + i + ": the receiver is closed");
                        copy.close();
                    }
                });
    }

    @Test
    void channelsClosedWithMessagesStillQueued() throws Exception {
        LeakCheck.assertNoGrowth("channels closed with unread messages", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            try (IpcChannel<String> channel = Ipc.channel(String.class); IpcBytesChannel bytes = Ipc.bytesChannel()) {
                channel.sender().send("never read " + i);
                bytes.sender().send(new byte[64]);
            }
        });
    }
}
