package ipc.transport.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.ReadOnlyBufferException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Creating, reading and sealing memfd regions. */
@EnabledOnOs(OS.LINUX)
class SharedMemoryTest {

    private static final int MIB = 1 << 20;

    @Test
    void createdRegionReadsBackWhatTheInitializerWrote() throws Exception {
        byte[] content = "hello shared memory".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        try (LinuxSharedMemory region = LinuxSharedMemory.create(content.length, buffer -> buffer.put(content))) {
            assertEquals(content.length, region.length(), "length");
            ByteBuffer view = region.buffer();
            assertEquals(0, view.position(), "position of the view");
            assertEquals(content.length, view.limit(), "limit of the view");
            byte[] read = new byte[content.length];
            view.get(read);
            assertEquals(new String(content, "US-ASCII"), new String(read, "US-ASCII"), "content");
        }
    }

    @Test
    void viewIsReadOnlyAndEachCallIsIndependent() throws Exception {
        try (LinuxSharedMemory region = LinuxSharedMemory.create(16, buffer -> buffer.put(3, (byte) 7))) {
            ByteBuffer first = region.buffer();
            assertTrue(first.isReadOnly(), "the view must be read-only");
            assertTrue(first.isDirect(), "the view must be the mapping itself, not a copy");
            assertThrows(ReadOnlyBufferException.class, () -> first.put(0, (byte) 1), "writing through the view");
            first.position(10);
            ByteBuffer second = region.buffer();
            assertEquals(0, second.position(), "a new view starts at position 0");
            assertEquals(7, second.get(3), "byte written by the initializer");
        }
    }

    @Test
    void regionIsSealedForGood() throws Exception {
        try (LinuxSharedMemory region = LinuxSharedMemory.create(4096, buffer -> { })) {
            assertTrue(region.tryAcquire(), "open region");
            try {
                int seals = Native.libc().fcntl(region.fd(), Linux.F_GET_SEALS, 0);
                assertEquals(Memfds.CREATOR_SEALS, seals & Memfds.CREATOR_SEALS, "seals: 0x" + Integer.toHexString(seals));
                assertTrue(Native.libc().ftruncate(region.fd(), 0) < 0, "shrinking a sealed region must fail");
                assertTrue(Native.libc().fcntl(region.fd(), Linux.F_ADD_SEALS, Linux.F_SEAL_SHRINK) < 0,
                        "F_SEAL_SEAL: no seal can be added");
                long writable = Native.libc().mmap((jnr.ffi.Pointer) null, 4096, Linux.PROT_READ | Linux.PROT_WRITE, Linux.MAP_SHARED,
                        region.fd(), 0L);
                assertEquals(Linux.MAP_FAILED, writable, "a writable shared mapping of a sealed region must fail");
            } finally {
                region.release();
            }
        }
    }

    @Test
    void zeroLengthRegionWorks() throws Exception {
        boolean[] called = new boolean[1];
        try (LinuxSharedMemory region = LinuxSharedMemory.create(0, buffer -> {
            called[0] = true;
            assertEquals(0, buffer.remaining(), "writable buffer of an empty region");
        })) {
            assertTrue(called[0], "the initializer runs for an empty region too");
            assertEquals(0, region.length(), "length");
            assertEquals(0, region.buffer().remaining(), "view of an empty region");
            assertTrue(region.buffer().isReadOnly(), "view of an empty region is read-only");
        }
    }

    @Test
    void sixtyFourMebibytesKeepEveryByte() throws Exception {
        int length = 64 * MIB;
        try (LinuxSharedMemory region = LinuxSharedMemory.create(length, SharedMemoryTest::fillPattern)) {
            assertPattern(region.buffer(), length);
        }
    }

    @Test
    void oneGibibyteRegion() throws Exception {
        // Each MiB holds its own index: cheap to write and to check with vectorized array compares.
        int length = 1 << 30;
        byte[] chunk = new byte[MIB];
        try (LinuxSharedMemory region = LinuxSharedMemory.create(length, buffer -> {
            for (int index = 0; buffer.hasRemaining(); index++) {
                java.util.Arrays.fill(chunk, (byte) index);
                buffer.put(chunk);
            }
        })) {
            ByteBuffer view = region.buffer();
            assertEquals(length, view.remaining(), "view length");
            byte[] expected = new byte[MIB];
            for (int index = 0; view.hasRemaining(); index++) {
                view.get(chunk);
                java.util.Arrays.fill(expected, (byte) index);
                assertEquals(-1, java.util.Arrays.mismatch(expected, chunk), "first wrong byte in MiB " + index);
            }
        }
    }

    @Test
    void largestRegionIsIntegerMaxValueBytes() throws Exception {
        // Only the last page is touched, so this costs one page of memory, not 2 GiB.
        int length = Integer.MAX_VALUE;
        try (LinuxSharedMemory region = LinuxSharedMemory.create(length, buffer -> buffer.put(length - 1, (byte) 42))) {
            ByteBuffer view = region.buffer();
            assertEquals(length, view.limit(), "limit of the largest view");
            assertEquals(42, view.get(length - 1), "last byte");
            assertEquals(0, view.get(0), "first byte (never written)");
        }
    }

    @Test
    void failingInitializerLeaksNothing() throws Exception {
        LinuxSharedMemory.create(1, buffer -> { }).close(); // warm up whatever the JDK opens once
        long before = OpenFileDescriptors.count();
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> LinuxSharedMemory.create(4096, buffer -> {
                    throw new IllegalStateException("initializer failed");
                }), "the initializer's exception propagates");
        assertEquals("initializer failed", thrown.getMessage(), "same exception");
        OpenFileDescriptors.assertCount(before, "open descriptors after a failed create");
    }

    @Test
    void negativeLengthIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> LinuxSharedMemory.create(-1, buffer -> { }),
                "negative length");
    }

    @Test
    void closeReleasesTheDescriptor() throws Exception {
        LinuxSharedMemory.create(1, buffer -> { }).close();
        long before = OpenFileDescriptors.count();
        LinuxSharedMemory region = LinuxSharedMemory.create(MIB, SharedMemoryTest::fillPattern);
        assertPattern(region.buffer(), MIB);
        OpenFileDescriptors.assertCount(before + 1, "one descriptor per open region");
        region.close();
        region.close();
        assertFalse(region.isOpen(), "closed");
        OpenFileDescriptors.assertCount(before, "open descriptors after close");
        assertThrows(IllegalStateException.class, region::buffer, "buffer() after close");
    }

    static void fillPattern(ByteBuffer buffer) {
        byte[] chunk = new byte[MIB];
        while (buffer.hasRemaining()) {
            int start = buffer.position();
            int count = Math.min(chunk.length, buffer.remaining());
            for (int i = 0; i < count; i++) {
                chunk[i] = patternAt(start + i);
            }
            buffer.put(chunk, 0, count);
        }
    }

    static void assertPattern(ByteBuffer view, int length) {
        assertEquals(length, view.remaining(), "view length");
        byte[] chunk = new byte[MIB];
        while (view.hasRemaining()) {
            int start = view.position();
            int count = Math.min(chunk.length, view.remaining());
            view.get(chunk, 0, count);
            for (int i = 0; i < count; i++) {
                if (chunk[i] != patternAt(start + i)) {
                    assertEquals(patternAt(start + i), chunk[i], "byte at offset " + (start + i));
                }
            }
        }
    }

    private static byte patternAt(int offset) {
        return (byte) (offset * 31 + (offset >>> 16));
    }
}
