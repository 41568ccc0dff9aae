package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.AT_ONCE;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcChannel;
import ipc.api.IpcSharedMemory;
import ipc.tests.support.LeakCheck;
import ipc.tests.support.ResourceSnapshot;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check itself: a round that keeps one handle open is reported, with the kind of what it kept; a descriptor
 * closed during the check is named; the JVM's own control-group reads are not counted.
 */
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

    @Test
    void aFileKeptOrClosedIsNamed(@TempDir Path directory) throws Exception {
        Path file = Files.createFile(directory.resolve("kept"));
        ResourceSnapshot before = ResourceSnapshot.take();
        try (FileChannel kept = FileChannel.open(file)) {
            ResourceSnapshot during = ResourceSnapshot.take();
            assertFalse(during.equals(before), "a file held open is counted: " + during);
            String growth = during.describeGrowth(before);
            assertTrue(growth.contains("file: ") && growth.contains("(+1)") && growth.contains("new descriptors: ")
                    && growth.contains(file.toString()), growth);
            String shrink = before.describeGrowth(during);
            assertTrue(shrink.contains("(-1)") && shrink.contains("descriptors gone: ")
                    && shrink.contains(file.toString()), shrink);
        }
    }

    @Test
    void controlGroupReadsAreNotCounted() throws Exception {
        // The JVM's container support opens /sys/fs/cgroup files from its own threads at any time.
        Path controlGroups = Path.of("/sys/fs/cgroup");
        assumeTrue(Files.isDirectory(controlGroups), "no " + controlGroups);
        ResourceSnapshot before = ResourceSnapshot.take();
        try (DirectoryStream<Path> open = Files.newDirectoryStream(controlGroups)) {
            ResourceSnapshot during = ResourceSnapshot.take();
            assertTrue(during.equals(before), "counted: " + during.describeGrowth(before));
        }
    }
}
