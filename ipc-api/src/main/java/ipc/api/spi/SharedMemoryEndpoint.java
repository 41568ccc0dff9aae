package ipc.api.spi;

import java.nio.ByteBuffer;

/**
 * A sealed, read-only shared-memory region.
 *
 * <h2>Thread safety</h2>
 * Thread-safe. The buffer returned by {@link #buffer()} must not be used after {@link #close()} (on Linux the
 * mapping is gone); the API guards against that.
 */
public interface SharedMemoryEndpoint extends TransportHandle {

    @Override
    default Kind kind() {
        return Kind.SHARED_MEMORY;
    }

    /** The size of the region in bytes. */
    int length();

    /**
     * The region's content, read-only, without copying: position 0, limit {@link #length()}. Each call returns a
     * new buffer object over the same memory.
     *
     * @throws IllegalStateException if the region is closed
     */
    ByteBuffer buffer();
}
