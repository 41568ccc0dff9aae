package ipc.transport.linux.internal;

import com.kenai.jffi.MemoryIO;
import ipc.api.IpcException;
import ipc.transport.linux.ffi.LibC;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;

/**
 * Sealed {@code memfd} regions: creating, filling, sealing, and checking one that arrived from a peer. Shared by
 * shared memory and anything else that ships bytes in a memfd.
 *
 * <p>Why sealing matters: a process that maps a region another process can still shrink dies of SIGBUS when it
 * reads past the new end. A region is therefore sealed against shrinking, growing and writing before it leaves its
 * creator, and a received region is checked for those seals and its size before it is mapped.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe. Callers own the descriptors they pass.
 */
public final class Memfds {

    /** The names given to {@link #create}, in native memory: see {@link #nativeName}. */
    private static final ConcurrentHashMap<String, Pointer> NAMES = new ConcurrentHashMap<>();

    /** The seals a received region must carry before it may be mapped. */
    public static final int REQUIRED_SEALS = Linux.F_SEAL_SHRINK | Linux.F_SEAL_GROW | Linux.F_SEAL_WRITE;
    /** The seals a region gets once filled: the required ones, and no further changes to the seals. */
    public static final int CREATOR_SEALS = REQUIRED_SEALS | Linux.F_SEAL_SEAL;

    private Memfds() {}

    /**
     * Creates an empty, close-on-exec memfd that allows sealing.
     *
     * @param name the name shown in {@code /proc/PID/fd} (debugging only); a constant, since each name is kept in
     *     native memory for the life of the process
     * @return the descriptor, owned by the caller
     * @throws IpcException if the OS refuses
     */
    public static int create(String name) throws IpcException {
        int fd = Native.libc().memfd_create(nativeName(name), Linux.MFD_CLOEXEC | Linux.MFD_ALLOW_SEALING);
        if (fd < 0) {
            throw Native.lastError("memfd_create");
        }
        FdPressure.observe(fd);
        return fd;
    }

    /**
     * {@code name} as a NUL-terminated string in native memory, made once per name and kept for the life of the
     * process, so that creating a memfd (once per large message) converts nothing. The callers pass a few constant
     * names.
     */
    private static Pointer nativeName(String name) {
        Pointer cached = NAMES.get(name);
        if (cached != null) {
            return cached;
        }
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        Pointer made = Memory.allocateDirect(Native.runtime(), bytes.length + 1);
        made.put(0, bytes, 0, bytes.length);
        made.putByte(bytes.length, (byte) 0);
        Pointer raced = NAMES.putIfAbsent(name, made);
        return raced != null ? raced : made;
    }

    /**
     * Sets the size of a region that is not sealed yet.
     *
     * @throws IpcException if the OS refuses (out of memory, say)
     */
    public static void resize(int fd, long length) throws IpcException {
        LibC libc = Native.libc();
        while (libc.ftruncate(fd, length) < 0) {
            int errno = Native.errno();
            if (errno != Errors.EINTR) {
                throw Native.error("ftruncate", errno);
            }
        }
    }

    /**
     * Lets {@code initializer} write the region through a writable buffer over a shared mapping, then unmaps it.
     * The mapping is gone when this returns: the buffer must not be kept (touching it later would crash the JVM).
     *
     * @param fd the region, already {@linkplain #resize sized} to {@code length}
     * @param length its size, more than 0
     * @param initializer writes through the buffer (position 0, limit {@code length})
     * @throws IpcException if the region cannot be mapped
     */
    public static void fill(int fd, int length, Consumer<ByteBuffer> initializer) throws IpcException {
        LibC libc = Native.libc();
        long address = libc.mmap((Pointer) null, length, Linux.PROT_READ | Linux.PROT_WRITE, Linux.MAP_SHARED, fd, 0L);
        if (address == Linux.MAP_FAILED) {
            throw Native.lastError("mmap");
        }
        try {
            initializer.accept(MemoryIO.getInstance().newDirectByteBuffer(address, length));
        } finally {
            libc.munmap(address, length);
        }
    }

    /**
     * Seals a filled region for good. Fails if a writable mapping of it still exists (EBUSY).
     *
     * @throws IpcException if the OS refuses
     */
    public static void seal(int fd) throws IpcException {
        if (Native.libc().fcntl(fd, Linux.F_ADD_SEALS, CREATOR_SEALS) < 0) {
            throw Native.lastError("fcntl(F_ADD_SEALS)");
        }
    }

    /**
     * Checks that a descriptor received from a peer is a memfd sealed against shrinking, growing and writing, of
     * at most {@link Integer#MAX_VALUE} bytes and, if {@code declaredLength} is not negative, of exactly that size.
     * Does not close the descriptor.
     *
     * @param fd the received descriptor
     * @param declaredLength the size the message declared, or -1 for any size up to {@link Integer#MAX_VALUE}
     * @param what what the region is for, for messages (such as {@code "shared memory"})
     * @return the region's size
     * @throws IpcException saying what was expected and what arrived
     */
    public static int checkSealed(int fd, long declaredLength, String what) throws IpcException {
        LibC libc = Native.libc();
        int seals = libc.fcntl(fd, Linux.F_GET_SEALS, 0);
        if (seals < 0) {
            int errno = Native.errno();
            throw new IpcException("Expected a sealed memfd for " + what + ", but descriptor " + fd
                    + " is not a memfd that allows sealing (fcntl(F_GET_SEALS) failed with error(" + errno + "): "
                    + Native.describe(errno) + ")");
        }
        if ((seals & REQUIRED_SEALS) != REQUIRED_SEALS) {
            throw new IpcException("Expected a memfd for " + what + " sealed against shrink, grow and write (seals 0x"
                    + Integer.toHexString(REQUIRED_SEALS) + "), but descriptor " + fd + " carries seals 0x"
                    + Integer.toHexString(seals) + ": its sender could still change or shrink it");
        }
        long size = libc.lseek(fd, 0L, Linux.SEEK_END);
        if (size < 0) {
            throw Native.lastError("lseek");
        }
        if (size > Integer.MAX_VALUE) {
            throw new IpcException("Expected a memfd for " + what + " of at most " + Integer.MAX_VALUE
                    + " bytes, but descriptor " + fd + " holds " + size + " bytes");
        }
        if (declaredLength >= 0 && size != declaredLength) {
            throw new IpcException("Expected a memfd for " + what + " of " + declaredLength
                    + " bytes as declared, but descriptor " + fd + " holds " + size + " bytes");
        }
        return (int) size;
    }

    /** Closes a descriptor, ignoring errors; for failure paths. */
    static void closeQuietly(int fd) {
        Native.libc().close(fd);
    }
}
