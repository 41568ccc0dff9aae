package ipc.transport.linux.internal;

import com.kenai.jffi.MemoryIO;
import ipc.api.IpcException;
import ipc.transport.linux.ffi.LibC;
import java.nio.ByteBuffer;
import jnr.ffi.Pointer;

/**
 * The memfd side of large payloads ({@link PayloadStream}): filling and sealing the memfd that carries the part of a
 * payload the receiver did not take from the stream in time, and mapping it on the receiving side.
 *
 * <p>Filling with {@code write(2)} beats filling a shared mapping (16 MiB: 8 ms against 11.7 ms, 13.7 ms with
 * {@code MAP_POPULATE}, measured with {@code LargeMessageProbeTest}), since every page of a fresh mapping faults in
 * zeroed first; a heap buffer is written straight from its array, pinned for each {@link #PINNED_SLICE} bytes.
 * Reading through a {@code MAP_POPULATE} mapping is on par with {@code read(2)} and copies once.
 *
 * <h2>Safety of the receiving side</h2>
 * A received memfd is mapped only after {@link Memfds#checkSealed} found it sealed against shrinking, growing and
 * writing, and of exactly the expected size: a region a peer could still shrink would crash the JVM with SIGBUS
 * under the mapping. The mapping lives only while its bytes are copied out.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 */
final class LargePayload {

    /** The name of the memfds of large payloads (shown in {@code /proc/PID/fd}). */
    static final String MEMFD_NAME = "ipc-channel-message";
    private static final String PURPOSE = "a large message payload";
    /** Copy in slices so that a copy of a gigabyte does not hold off a safepoint for long. */
    private static final int COPY_SLICE = 16 << 20;
    /** The most bytes written per {@code write(2)} from a pinned heap array (about a millisecond of copying). */
    static final int PINNED_SLICE = 4 << 20;

    private LargePayload() {}

    /**
     * Writes the remaining bytes of {@code parts}, in order, into an empty memfd and seals it. No part's position
     * moves.
     *
     * @throws IpcException if the OS refuses (out of memory)
     */
    static void fill(int fd, ByteBuffer... parts) throws IpcException {
        for (ByteBuffer part : parts) {
            writeAll(fd, part);
        }
        Memfds.seal(fd);
    }

    private static void writeAll(int fd, ByteBuffer buffer) throws IpcException {
        ByteBuffer source = buffer.duplicate();
        LibC libc = Native.libc();
        while (source.hasRemaining()) {
            int slice = Math.min(PINNED_SLICE, source.remaining());
            long written = libc.write(fd, source, slice);
            if (written < 0) {
                int errno = Native.errno();
                if (errno != Errors.EINTR) {
                    throw Native.error("write", errno);
                }
            } else {
                source.position(source.position() + (int) written);
            }
        }
    }

    /**
     * Maps the payload of a received memfd read-only, after checking its seals and size. Does not close {@code fd}
     * (the mapping stays valid after it is closed).
     *
     * @param declaredLength the length expected
     * @return the mapping; its {@link Mapping#buffer()} is the payload until {@link Mapping#run()} unmaps it
     * @throws IpcException if the memfd is not sealed, not of the declared size, or cannot be mapped
     */
    static Mapping map(int fd, long declaredLength) throws IpcException {
        int length = Memfds.checkSealed(fd, declaredLength, PURPOSE);
        if (length > WireHeader.MAX_PAYLOAD) {
            throw WireHeader.malformed("a payload of at most " + WireHeader.MAX_PAYLOAD + " bytes", length + " bytes");
        }
        if (length == 0) {
            return new Mapping(ByteBuffer.allocate(0), 0L, 0);
        }
        long address = Native.libc().mmap((Pointer) null, length, Linux.PROT_READ, Linux.MAP_SHARED
                | Linux.MAP_POPULATE, fd, 0L);
        if (address == Linux.MAP_FAILED) {
            throw Native.lastError("mmap");
        }
        return new Mapping(MemoryIO.getInstance().newDirectByteBuffer(address, length), address, length);
    }

    /** Copies all of {@code source} into {@code into} (both from their positions, which advance), in slices. */
    static void copy(ByteBuffer source, ByteBuffer into) {
        while (source.hasRemaining()) {
            int slice = Math.min(COPY_SLICE, source.remaining());
            into.put(into.position(), source, source.position(), slice);
            into.position(into.position() + slice);
            source.position(source.position() + slice);
        }
    }

    /**
     * A read-only mapping of a received payload. Running it unmaps the memory (once; later runs do nothing): the
     * buffer must not be read afterwards, since the pages are gone and a read would crash the JVM.
     *
     * <h2>Thread safety</h2>
     * Not thread-safe: one reader.
     */
    static final class Mapping implements Runnable {

        private final ByteBuffer buffer;
        private final long address;
        private final int length;
        private boolean unmapped;

        private Mapping(ByteBuffer buffer, long address, int length) {
            this.buffer = buffer;
            this.address = address;
            this.length = length;
        }

        /** The payload, position 0, limit its length. */
        ByteBuffer buffer() {
            return buffer;
        }

        @Override
        public void run() {
            if (!unmapped && length > 0) {
                Native.libc().munmap(address, length);
            }
            unmapped = true;
        }
    }
}
