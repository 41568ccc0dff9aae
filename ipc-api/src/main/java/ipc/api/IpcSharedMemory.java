package ipc.api;

import ipc.api.spi.SharedMemoryEndpoint;
import java.io.UncheckedIOException;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.util.Objects;

/**
 * A read-only region of memory shared between processes without copying: Rust's {@code IpcSharedMemory}. Put it
 * in a message and the receiving process maps the same memory (on Linux, a sealed memfd).
 *
 * <p>Two regions are {@linkplain #equals(Object) equal} when their contents are equal.
 *
 * <h2>Thread safety</h2>
 * Thread-safe and immutable in content. A buffer from {@link #asByteBuffer()} must not be used after
 * {@link #close()}.
 */
public final class IpcSharedMemory extends AbstractHandle {

    IpcSharedMemory(HandleCore core) {
        super(core);
    }

    /**
     * A new region holding a copy of {@code bytes}.
     *
     * @param bytes the content
     * @return the region, to be closed by the caller
     * @throws UncheckedIOException wrapping an {@link IpcException} if no transport is available or the OS refuses
     */
    public static IpcSharedMemory fromBytes(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return create(bytes.length, buffer -> buffer.put(bytes));
    }

    /**
     * A new region of {@code length} bytes, each set to {@code value}.
     *
     * @param value the byte
     * @param length the size, 0 or more
     * @return the region, to be closed by the caller
     * @throws IllegalArgumentException if {@code length} is negative
     * @throws UncheckedIOException wrapping an {@link IpcException} if no transport is available or the OS refuses
     */
    public static IpcSharedMemory fromByte(byte value, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length must not be negative: " + length);
        }
        return create(length, buffer -> {
            if (value != 0) {
                byte[] chunk = new byte[Math.min(length, 64 * 1024)];
                java.util.Arrays.fill(chunk, value);
                while (buffer.hasRemaining()) {
                    buffer.put(chunk, 0, Math.min(chunk.length, buffer.remaining()));
                }
            } else {
                while (buffer.hasRemaining()) {
                    buffer.put((byte) 0);
                }
            }
        });
    }

    private static IpcSharedMemory create(int length, java.util.function.Consumer<ByteBuffer> initializer) {
        try {
            return new IpcSharedMemory(new HandleCore(IpcRuntime.transport().sharedMemory(length, initializer)));
        } catch (IpcException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The size in bytes. */
    public int length() {
        return endpoint().length();
    }

    /**
     * The content as a read-only buffer over the shared memory itself, without copying.
     *
     * @return a new buffer, position 0, limit {@link #length()}
     * @throws IllegalStateException if the region is closed
     */
    public ByteBuffer asByteBuffer() {
        try {
            return endpoint().buffer();
        } finally {
            Reference.reachabilityFence(this);
        }
    }

    /**
     * A copy of the content.
     *
     * @return the bytes
     * @throws IllegalStateException if the region is closed
     */
    public byte[] toByteArray() {
        ByteBuffer buffer = asByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        Reference.reachabilityFence(this);
        return bytes;
    }

    private SharedMemoryEndpoint endpoint() {
        if (!core.isOpen()) {
            throw new IllegalStateException("This IpcSharedMemory is closed");
        }
        return (SharedMemoryEndpoint) core.endpoint();
    }

    /** Equal when both are open and hold the same bytes. */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        if (!(other instanceof IpcSharedMemory that) || !isOpen() || !that.isOpen()) {
            return false;
        }
        boolean equal = asByteBuffer().equals(that.asByteBuffer());
        Reference.reachabilityFence(that);
        return equal;
    }

    /** A hash of the content; 0 once closed. */
    @Override
    public int hashCode() {
        return isOpen() ? asByteBuffer().hashCode() : 0;
    }

    @Override
    public String toString() {
        return "IpcSharedMemory[" + (isOpen() ? length() + " bytes" : "closed") + "]";
    }
}
