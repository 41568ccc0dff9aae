package ipc.transport.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/** Adopting descriptors that arrive from a peer: good regions are mapped, hostile ones rejected and closed. */
@EnabledOnOs(OS.LINUX)
class SharedMemoryAdoptTest {

    private static final int LENGTH = 8192;

    private long before;

    @BeforeEach
    void countDescriptors() throws Exception {
        try (LinuxSharedMemory warmUp = LinuxSharedMemory.create(1, buffer -> { })) {
            LinuxSharedMemory.adopt(duplicateOf(warmUp)).close();
        }
        before = OpenFileDescriptors.count();
    }

    @Test
    void sealedRegionIsAdoptedWithItsContent() throws Exception {
        try (LinuxSharedMemory created = LinuxSharedMemory.create(LENGTH, SharedMemoryTest::fillPattern);
             LinuxSharedMemory adopted = LinuxSharedMemory.adopt(duplicateOf(created), LENGTH)) {
            assertEquals(LENGTH, adopted.length(), "adopted length");
            SharedMemoryTest.assertPattern(adopted.buffer(), LENGTH);
        }
        OpenFileDescriptors.assertCount(before, "descriptors after closing both");
    }

    @Test
    void unsealedMemfdIsRejectedAndClosed() throws Exception {
        int fd = Memfds.create("unsealed");
        Memfds.resize(fd, LENGTH);
        assertRejected(fd, "sealed against shrink, grow and write");
    }

    @Test
    void memfdSealedOnlyAgainstShrinkIsRejected() throws Exception {
        int fd = Memfds.create("half-sealed");
        Memfds.resize(fd, LENGTH);
        assertEquals(0, Native.libc().fcntl(fd, Linux.F_ADD_SEALS, Linux.F_SEAL_SHRINK | Linux.F_SEAL_GROW),
                "adding two seals");
        assertRejected(fd, "carries seals 0x6");
    }

    @Test
    void sizeOtherThanDeclaredIsRejected() throws Exception {
        LinuxSharedMemory created = LinuxSharedMemory.create(LENGTH, buffer -> { });
        int fd = duplicateOf(created);
        created.close();
        IpcException error = assertThrows(IpcException.class, () -> LinuxSharedMemory.adopt(fd, LENGTH + 1),
                "declared length disagrees with the region");
        assertTrue(error.getMessage().contains(LENGTH + 1 + " bytes as declared, but descriptor " + fd + " holds "
                + LENGTH + " bytes"), error.getMessage());
        assertFalse(OpenFileDescriptors.isOpen(fd), "the rejected descriptor must be closed");
        OpenFileDescriptors.assertCount(before, "descriptors after rejecting");
    }

    @Test
    void pipeIsRejectedAndClosed() throws Exception {
        int[] fds = new int[2];
        assertEquals(0, Native.libc().pipe2(fds, Linux.O_CLOEXEC), "pipe2");
        Native.libc().close(fds[1]);
        assertRejected(fds[0], "is not a memfd that allows sealing");
    }

    @Test
    void socketIsRejectedAndClosed() throws Exception {
        int[] fds = new int[2];
        assertEquals(0, Native.libc().socketpair(Linux.AF_UNIX, Linux.SOCK_SEQPACKET | Linux.SOCK_CLOEXEC, 0, fds),
                "socketpair");
        Native.libc().close(fds[1]);
        assertRejected(fds[0], "is not a memfd");
    }

    private void assertRejected(int fd, String expectedText) {
        IpcException error = assertThrows(IpcException.class, () -> LinuxSharedMemory.adopt(fd),
                "adopting descriptor " + fd);
        assertTrue(error.getMessage().contains(expectedText), "message: " + error.getMessage());
        assertTrue(error.getMessage().contains("shared memory"), "message says what was expected: "
                + error.getMessage());
        assertFalse(OpenFileDescriptors.isOpen(fd), "the rejected descriptor must be closed");
        OpenFileDescriptors.assertCount(before, "descriptors after rejecting");
    }

    /** What a receiver gets from the kernel: its own descriptor for the same memfd. */
    static int duplicateOf(LinuxSharedMemory region) {
        assertTrue(region.tryAcquire(), "open region");
        try {
            int fd = Native.libc().fcntl(region.fd(), Linux.F_DUPFD_CLOEXEC, 0);
            assertTrue(fd >= 0, "dup");
            return fd;
        } finally {
            region.release();
        }
    }
}
