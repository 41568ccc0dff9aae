package ipc.transport.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * A buffer kept after {@code close()} must never crash the JVM: the mapping belongs to the JDK and outlives the
 * region object until the last buffer is unreachable.
 */
@EnabledOnOs(OS.LINUX)
class SharedMemoryAfterCloseTest {

    private static final int LENGTH = 16 << 20;
    private static final int GARBAGE_ROUNDS = 5;

    @Test
    void bufferOfCreatedRegionStaysReadableAfterClose() throws Exception {
        LinuxSharedMemory region = LinuxSharedMemory.create(LENGTH, SharedMemoryTest::fillPattern);
        ByteBuffer kept = region.buffer();
        ByteBuffer slice = region.buffer().position(LENGTH / 2).slice();
        region.close();
        assertFalse(region.isOpen(), "closed");
        region = null;
        collectGarbage();
        SharedMemoryTest.assertPattern(kept, LENGTH);
        assertEquals(kept.get(LENGTH / 2), slice.get(0), "a slice of a kept buffer is readable too");
    }

    @Test
    void bufferOfAdoptedRegionStaysReadableAfterBothEndsClose() throws Exception {
        ByteBuffer kept;
        try (LinuxSharedMemory created = LinuxSharedMemory.create(LENGTH, SharedMemoryTest::fillPattern);
             LinuxSharedMemory adopted = LinuxSharedMemory.adopt(SharedMemoryAdoptTest.duplicateOf(created))) {
            kept = adopted.buffer().asReadOnlyBuffer();
        }
        collectGarbage();
        SharedMemoryTest.assertPattern(kept, LENGTH);
    }

    private static void collectGarbage() {
        List<byte[]> garbage = new ArrayList<>();
        for (int round = 0; round < GARBAGE_ROUNDS; round++) {
            garbage.add(new byte[1 << 20]);
            System.gc();
        }
        garbage.clear();
    }
}
