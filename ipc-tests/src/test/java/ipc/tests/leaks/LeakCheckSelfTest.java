package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.AT_ONCE;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcSharedMemory;
import ipc.tests.support.LeakCheck;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** The check itself: a round that keeps one handle open is reported, with the kind of what it kept. */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 1, unit = TimeUnit.MINUTES)
class LeakCheckSelfTest {

    @Test
    void aKeptChannelIsReportedAsSockets() throws Exception {
        List<IpcChannel<String>> kept = new ArrayList<>();
        try {
            AssertionError error = assertThrows(AssertionError.class, () -> LeakCheck.assertNoGrowth(
                    "keeping one channel of five", 2, 5, AT_ONCE, i -> kept.add(Ipc.channel(String.class))));
            assertTrue(error.getMessage().contains("socket: "), error.getMessage());
            assertTrue(error.getMessage().contains("(+10)"), "5 channels of 2 sockets: " + error.getMessage());
        } finally {
            kept.forEach(IpcChannel::close);
        }
    }

    @Test
    void aKeptRegionIsReportedAsAMemfd() throws Exception {
        List<IpcSharedMemory> kept = new ArrayList<>();
        try {
            AssertionError error = assertThrows(AssertionError.class, () -> LeakCheck.assertNoGrowth(
                    "keeping a region", 2, 3, AT_ONCE, i -> kept.add(IpcSharedMemory.fromByte((byte) 1, 10))));
            assertTrue(error.getMessage().contains("memfd:ipc-channel-shared-memory: "), error.getMessage());
        } finally {
            kept.forEach(IpcSharedMemory::close);
        }
    }

    @Test
    void aCleanRoundPasses() throws Exception {
        LeakCheck.assertNoGrowth("closing what it opens", 2, 20, AT_ONCE, i -> {
            try (IpcBytesChannel channel = Ipc.bytesChannel()) {
                channel.sender().send(new byte[] {1});
                Leaks.recv(channel.receiver());
            }
        });
    }
}
