package ipc.tests.crossprocess;

import static ipc.tests.crossprocess.Children.accept;
import static ipc.tests.crossprocess.Children.assertExitsCleanly;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcOneShotServer;
import ipc.api.IpcSharedMemory;
import ipc.tests.children.Wire;
import ipc.tests.children.Wire.Bulk;
import ipc.tests.children.Wire.Handover;
import ipc.tests.children.Wire.Inbox;
import ipc.tests.children.Wire.Region;
import ipc.tests.support.ChildJvm;
import java.nio.ByteBuffer;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Big messages, shared memory and handed-over receivers between real processes. */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 3, unit = java.util.concurrent.TimeUnit.MINUTES)
class CrossProcessDataTest {

    private static final Duration REPLY = Duration.ofSeconds(60);
    private static final int BIG = 64 << 20;
    private static final int REGION = 16 << 20;

    @Test
    void bigDataBothWays() throws Exception {
        byte[] big = Wire.pattern(BIG);
        try (IpcOneShotServer<Bulk> server = IpcOneShotServer.create(Bulk.class);
                ChildJvm child = Children.start("bulk-echo", server.name())) {
            IpcOneShotServer.Accepted<Bulk> accepted = accept(server, child);
            try (var toChild = accepted.message().replyTo(); var fromChild = accepted.receiver()) {
                toChild.send(big);
                Bulk echo = fromChild.tryRecv(REPLY).orElseThrow(() -> new AssertionError(child.output()));
                assertArrayEquals(big, echo.data(), "64 MiB went to the child and came back whole");
            }
            assertExitsCleanly(child);
        }
    }

    /**
     * Payloads of 32 KiB to 1 MiB travel through the sending process's ring (shared memory the receiving process
     * maps): several in flight at once both ways, more than a ring takes at once, so some take the ordinary path; every
     * one arrives whole and in order, and this process then has the child's ring mapped beside its own.
     */
    @Test
    void ringSizedMessagesBothWaysSeveralInFlight() throws Exception {
        int[] sizes = {32 << 10, 64 << 10, 300 << 10, (1 << 20) - 100, 40 << 10, 64 << 10, 64 << 10, 500 << 10,
            64 << 10, 33 << 10};
        try (IpcOneShotServer<Bulk> server = IpcOneShotServer.create(Bulk.class);
                ChildJvm child = Children.start("bulk-echo-many", server.name(), Integer.toString(sizes.length))) {
            IpcOneShotServer.Accepted<Bulk> accepted = accept(server, child);
            try (var toChild = accepted.message().replyTo(); var fromChild = accepted.receiver()) {
                for (int i = 0; i < sizes.length; i++) {
                    toChild.send(numbered(sizes[i], i));
                }
                for (int i = 0; i < sizes.length; i++) {
                    Bulk echo = fromChild.tryRecv(REPLY).orElseThrow(() -> new AssertionError(child.output()));
                    assertArrayEquals(numbered(sizes[i], i), echo.data(), "message " + i + " of " + sizes[i]
                            + " bytes went to the child and came back whole, in order");
                }
                assertTrue(ringMappings() >= 2, "this process maps its own ring and the child's: "
                        + ringMappings() + " ring mappings");
                toChild.send(new byte[1]);
            }
            assertExitsCleanly(child);
        }
    }

    private static byte[] numbered(int size, int index) {
        byte[] data = Wire.pattern(size);
        data[0] = (byte) index;
        data[size - 1] = (byte) ~index;
        return data;
    }

    /** The mappings of rings (memfds named by the Linux transport) in this process. */
    private static long ringMappings() throws java.io.IOException {
        try (var lines = java.nio.file.Files.lines(java.nio.file.Path.of("/proc/self/maps"))) {
            return lines.filter(line -> line.contains("memfd:ipc-channel-ring")).count();
        }
    }

    /**
     * A message sent while nobody reads, by a child that exits as soon as its send returns, arrives whole after the
     * child is gone: a large one because the send hands the rest of its payload to the kernel (the stream's memfd), a
     * ring-sized one because the ring's memfd rides in the message and outlives its sender.
     */
    @Test
    void aLargeMessageOutlivesItsSenderProcess() throws Exception {
        assertOutlivesItsSenderProcess(24 << 20);
    }

    @Test
    void aRingMessageOutlivesItsSenderProcess() throws Exception {
        assertOutlivesItsSenderProcess(256 << 10);
    }

    private static void assertOutlivesItsSenderProcess(int length) throws Exception {
        try (IpcOneShotServer<byte[]> server = IpcOneShotServer.create(byte[].class);
                ChildJvm child = Children.start("send-big-and-exit", server.name(), Integer.toString(length))) {
            assertExitsCleanly(child);
            IpcOneShotServer.Accepted<byte[]> accepted = accept(server, child);
            try (var rest = accepted.receiver()) {
                assertArrayEquals(Wire.pattern(length), accepted.message(),
                        length + " bytes arrived whole after their sender exited");
            }
        }
    }

    @Test
    void sharedMemoryBothWays() throws Exception {
        byte[] content = Wire.pattern(REGION);
        try (IpcOneShotServer<Region> server = IpcOneShotServer.create(Region.class);
                ChildJvm child = Children.start("shared-memory", server.name());
                IpcSharedMemory region = IpcSharedMemory.fromBytes(content)) {
            IpcOneShotServer.Accepted<Region> accepted = accept(server, child);
            try (var toChild = accepted.message().replyTo(); var fromChild = accepted.receiver()) {
                toChild.send(new Region(region, null));
                Region answer = fromChild.tryRecv(REPLY).orElseThrow(() -> new AssertionError(child.output()));
                try (IpcSharedMemory reversed = answer.memory()) {
                    assertEquals(REGION, reversed.length(), "the child's region has the same size");
                    ByteBuffer view = reversed.asByteBuffer();
                    for (int i = 0; i < REGION; i += 4093) {
                        assertEquals(content[REGION - 1 - i], view.get(i), "byte " + i + " is reversed");
                    }
                }
                assertArrayEquals(content, region.toByteArray(), "our region is unchanged: it is read-only");
            }
            assertExitsCleanly(child);
        }
    }

    /** The pattern Rust users hit: hand a receiver to a child, then close our copy; the child's copy must work. */
    @Test
    void receiverHandedToChildSurvivesClosingOurCopy() throws Exception {
        try (IpcOneShotServer<Inbox> server = IpcOneShotServer.create(Inbox.class);
                ChildJvm child = Children.start("handover", server.name());
                IpcChannel<String> work = Ipc.channel(String.class);
                IpcChannel<String> replies = Ipc.channel(String.class)) {
            IpcOneShotServer.Accepted<Inbox> accepted = accept(server, child);
            try (var inbox = accepted.message().inbox()) {
                inbox.send(new Handover(work.receiver(), replies.sender()));
            }
            work.receiver().close();
            replies.sender().close();
            work.sender().send("hello");
            assertEquals("got hello", replies.receiver().tryRecv(REPLY)
                    .orElseThrow(() -> new AssertionError(child.output())), "the child's copy of the receiver works");
            accepted.receiver().close();
            assertExitsCleanly(child);
        }
    }
}
