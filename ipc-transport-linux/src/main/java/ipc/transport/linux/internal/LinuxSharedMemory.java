package ipc.transport.linux.internal;

import ipc.api.IpcException;
import ipc.api.spi.SharedMemoryEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A shared-memory region: a {@code memfd} created with {@code MFD_CLOEXEC | MFD_ALLOW_SEALING}, sized, filled through
 * a writable mapping that is unmapped again, then sealed with {@code F_SEAL_SHRINK | F_SEAL_GROW | F_SEAL_WRITE |
 * F_SEAL_SEAL} before anyone can send it. A region received from a peer is {@linkplain #adopt(int) adopted} only
 * after its seals and size are checked, so its content and size can never change under a mapping.
 *
 * <h2>The read-only view, and what {@link #close()} releases</h2>
 * {@link #buffer()} maps the region once, on first use, through the JDK ({@code FileChannel.map(READ_ONLY)} of
 * {@code /proc/self/fd/N}), and returns duplicates of that mapping. The JDK unmaps it when the mapping and every
 * buffer derived from it are unreachable, never earlier. {@link #close()} closes the descriptor and drops this
 * object's reference to the mapping; it does not unmap. So a buffer kept after {@code close()} still reads the
 * sealed content instead of crashing the JVM, and the memory goes back to the system once the last buffer is
 * garbage-collected (or at once, if {@link #buffer()} was never called: a region only passed on is never mapped).
 *
 * <h2>Thread safety</h2>
 * Thread-safe; {@link #close()} may race with {@link #buffer()}.
 */
public final class LinuxSharedMemory extends FdHandle implements SharedMemoryEndpoint {

    private static final String MEMFD_NAME = "ipc-channel-shared-memory";
    private static final String PURPOSE = "shared memory";
    private static final String PROC_SELF_FD = "/proc/self/fd/";

    private final int length;
    private final Object mapLock = new Object();
    /** The JDK-managed read-only mapping, made on first {@link #buffer()}; null again once closed. */
    private volatile ByteBuffer mapping;

    private LinuxSharedMemory(int fd, int length) {
        super(fd);
        this.length = length;
    }

    /**
     * Creates a region of {@code length} bytes, lets {@code initializer} fill it, and seals it.
     *
     * @param length the size in bytes, 0 to {@link Integer#MAX_VALUE}
     * @param initializer fills the region through a writable buffer (position 0, limit {@code length}) that must not
     *     be kept: it is unmapped when the initializer returns
     * @return the sealed region, owned by the caller
     * @throws IpcException if the OS refuses (out of memory or descriptors)
     * @throws IllegalArgumentException if {@code length} is negative
     */
    public static LinuxSharedMemory create(int length, Consumer<ByteBuffer> initializer) throws IpcException {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        Objects.requireNonNull(initializer, "initializer");
        int fd = Memfds.create(MEMFD_NAME);
        try {
            Memfds.resize(fd, length);
            if (length == 0) {
                initializer.accept(ByteBuffer.allocate(0));
            } else {
                Memfds.fill(fd, length, initializer);
            }
            Memfds.seal(fd);
        } catch (IpcException | RuntimeException | Error e) {
            Memfds.closeQuietly(fd);
            throw e;
        }
        return new LinuxSharedMemory(fd, length);
    }

    /**
     * Takes ownership of a descriptor received from a peer after checking that it is a memfd sealed against
     * shrinking, growing and writing, of at most {@link Integer#MAX_VALUE} bytes.
     *
     * @param fd the received descriptor; closed if it is rejected
     * @return the region
     * @throws IpcException if the descriptor is not such a region (the message says what arrived)
     */
    public static LinuxSharedMemory adopt(int fd) throws IpcException {
        return adopt(fd, -1);
    }

    /**
     * {@link #adopt(int)}, also checking that the region holds exactly {@code declaredLength} bytes.
     *
     * @param fd the received descriptor; closed if it is rejected
     * @param declaredLength the size the message declared, or -1 for any
     * @return the region
     * @throws IpcException if the descriptor is not such a region
     */
    public static LinuxSharedMemory adopt(int fd, long declaredLength) throws IpcException {
        int size;
        try {
            size = Memfds.checkSealed(fd, declaredLength, PURPOSE);
        } catch (IpcException | RuntimeException | Error e) {
            Memfds.closeQuietly(fd);
            throw e;
        }
        return new LinuxSharedMemory(fd, size);
    }

    @Override
    public int length() {
        return length;
    }

    /**
     * {@inheritDoc}
     *
     * @throws UncheckedIOException wrapping an {@link IpcException} if the region cannot be mapped (out of address
     *     space, or {@code /proc} is not mounted)
     */
    @Override
    public ByteBuffer buffer() {
        ByteBuffer mapped = mapping;
        if (mapped == null) {
            mapped = map();
        }
        if (!isOpen()) {
            throw closed();
        }
        return mapped.duplicate();
    }

    private ByteBuffer map() {
        synchronized (mapLock) {
            ByteBuffer mapped = mapping;
            if (mapped != null) {
                return mapped;
            }
            if (!tryAcquire()) {
                throw closed();
            }
            try {
                mapped = length == 0 ? ByteBuffer.allocate(0).asReadOnlyBuffer() : mapReadOnly();
                mapping = mapped;
                return mapped;
            } finally {
                release();
            }
        }
    }

    /** Maps through a second open file description of the same memfd; the JDK owns and unmaps the mapping. */
    private ByteBuffer mapReadOnly() {
        Path path = Path.of(PROC_SELF_FD + fd());
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return channel.map(FileChannel.MapMode.READ_ONLY, 0, length);
        } catch (IOException e) {
            throw new UncheckedIOException(new IpcException("Cannot map the shared-memory region of " + length
                    + " bytes through " + path + ": " + e.getMessage(), e));
        }
    }

    private static IllegalStateException closed() {
        return new IllegalStateException("The shared-memory region is closed");
    }

    /** Drops the reference to the mapping; the JDK unmaps it once no buffer derived from it is reachable. */
    @Override
    protected void freeResources() {
        mapping = null;
    }
}
