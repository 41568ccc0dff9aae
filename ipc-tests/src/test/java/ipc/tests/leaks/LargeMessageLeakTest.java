package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.AT_ONCE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.api.IpcSharedMemory;
import ipc.tests.children.LeakChild.Load;
import ipc.tests.children.Wire;
import ipc.tests.support.LeakCheck;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Messages above the inline limit of 212,952 bytes, which travel in a sealed memfd: received, left queued, and
 * refused by a closed receiver. The memfd and its short-lived mapping must both be gone after each.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LargeMessageLeakTest {

    private static final int ROUNDS = 100;
    private static final int WARM_UPS = 10;
    private static final byte[] LARGE = Wire.pattern(300_000);
    private static final byte[] HUGE = Wire.pattern(1 << 20);

    @Test
    void bytesSentAndReceived() throws Exception {
        LeakCheck.assertNoGrowth("large bytes messages sent and received", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            try (IpcBytesChannel channel = Ipc.bytesChannel()) {
                byte[] payload = i % 10 == 0 ? HUGE : LARGE;
                channel.sender().send(payload);
                assertArrayEquals(payload, Leaks.recv(channel.receiver()), "round " + i);
            }
        });
    }

    @Test
    void typedWithHandlesSentAndReceived() throws Exception {
        LeakCheck.assertNoGrowth("large typed messages with handles", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            try (IpcChannel<Load> channel = Ipc.channel(Load.class);
                    IpcChannel<String> inner = Ipc.channel(String.class);
                    IpcSharedMemory memory = IpcSharedMemory.fromByte((byte) i, 64)) {
                channel.sender().send(new Load(i, LARGE, inner.sender(), inner.receiver(), memory));
                Load load = Leaks.recv(channel.receiver());
                assertEquals(i, load.sequence());
                assertArrayEquals(LARGE, load.data());
                load.sender().send("x");
                assertEquals("x", Leaks.recv(load.receiver()));
                load.sender().close();
                load.receiver().close();
                load.memory().close();
            }
        });
    }

    @Test
    void queuedWhenTheChannelCloses() throws Exception {
        LeakCheck.assertNoGrowth("large messages left queued", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            try (IpcBytesChannel channel = Ipc.bytesChannel();
                    IpcChannel<Load> typed = Ipc.channel(Load.class);
                    IpcChannel<String> inner = Ipc.channel(String.class);
                    IpcSharedMemory memory = IpcSharedMemory.fromByte((byte) i, 64)) {
                channel.sender().send(LARGE);
                channel.sender().send(LARGE);
                typed.sender().send(new Load(i, LARGE, inner.sender(), inner.receiver(), memory));
            }
        });
    }

    @Test
    void refusedByAClosedReceiver() throws Exception {
        LeakCheck.assertNoGrowth("large messages sent to a closed receiver", WARM_UPS, ROUNDS, AT_ONCE, i -> {
            try (IpcBytesChannel channel = Ipc.bytesChannel()) {
                channel.receiver().close();
                assertThrows(IpcDisconnectedException.class, () -> channel.sender().send(LARGE), "round " + i);
            }
        });
    }
}
