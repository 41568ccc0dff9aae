package ipc.tests.leaks;

import static ipc.tests.support.LeakCheck.Release.MAPPINGS_BY_GC;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcSharedMemory;
import ipc.tests.children.Wire;
import ipc.tests.messages.PersonAndSharedMemory;
import ipc.tests.support.LeakCheck;
import ipc.tests.support.ResourceSnapshot;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Shared memory created, mapped, sent, received, mapped on the receiving side and closed. Descriptors go at
 * {@code close()}; a mapping goes when its last buffer is collected, which the check waits for.
 */
@EnabledOnOs(OS.LINUX)
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class SharedMemoryLeakTest {

    private static final int ROUNDS = 200;
    private static final int WARM_UPS = 20;
    private static final byte[] CONTENT = Wire.pattern(64 << 10);

    @Test
    void createdSentReceivedMappedAndClosed() throws Exception {
        LeakCheck.assertNoGrowth("shared memory created, mapped, sent, received and closed", WARM_UPS, ROUNDS,
                MAPPINGS_BY_GC, i -> {
                    try (IpcChannel<IpcSharedMemory> channel = Ipc.channel(IpcSharedMemory.class);
                            IpcSharedMemory memory = IpcSharedMemory.fromBytes(CONTENT)) {
                        assertEquals(CONTENT[7], memory.asByteBuffer().get(7), "mapped by its creator");
                        channel.sender().send(memory);
                        channel.sender().send(memory); // received and closed without being mapped
                        try (IpcSharedMemory received = Leaks.recv(channel.receiver())) {
                            assertArrayEquals(CONTENT, received.toByteArray(), "round " + i);
                        }
                        Leaks.recv(channel.receiver()).close();
                    }
                });
    }

    @Test
    void bufferKeptAfterCloseStaysReadableThenGoes() throws Exception {
        LeakCheck.assertNoGrowth("buffers kept past close()", WARM_UPS, ROUNDS, MAPPINGS_BY_GC, i -> {
            ByteBuffer kept;
            try (IpcSharedMemory memory = IpcSharedMemory.fromByte((byte) 42, 4096)) {
                kept = memory.asByteBuffer();
            }
            assertEquals(42, kept.get(4095), "a buffer outlives close() and still reads the content");
            try (IpcSharedMemory empty = IpcSharedMemory.fromByte((byte) 1, 0)) {
                assertEquals(0, empty.asByteBuffer().remaining());
            }
        });
    }

    @Test
    void regionsInsideMessagesLeftQueued() throws Exception {
        LeakCheck.assertNoGrowth("shared memory inside messages left queued", WARM_UPS, ROUNDS, MAPPINGS_BY_GC, i -> {
            try (IpcChannel<PersonAndSharedMemory> channel = Ipc.channel(PersonAndSharedMemory.class);
                    IpcSharedMemory memory = IpcSharedMemory.fromBytes(CONTENT)) {
                channel.sender().send(new PersonAndSharedMemory(new ipc.tests.messages.Person("p", i), memory));
            }
        });
    }

    @Test
    void theCheckSeesAMappingThatIsStillReachable() throws Exception {
        // The suite's own sensitivity: a buffer held on to keeps its mapping, and the check must notice.
        ResourceSnapshot before = LeakCheck.baseline(MAPPINGS_BY_GC);
        try (IpcSharedMemory memory = IpcSharedMemory.fromBytes(CONTENT)) {
            ByteBuffer held = memory.asByteBuffer();
            memory.close();
            AssertionError error = assertThrows(AssertionError.class, () -> LeakCheck.assertBackTo(before,
                    "holding a buffer", MAPPINGS_BY_GC, Duration.ofMillis(200)));
            assertTrue(error.getMessage().contains("map:ipc-channel-shared-memory"), error.getMessage());
            assertEquals(CONTENT[0], held.get(0));
        }
    }
}
