package ipc.transport.linux.internal;

import com.kenai.jffi.MemoryIO;
import ipc.api.IpcException;
import ipc.transport.linux.ffi.LibC;
import java.nio.ByteBuffer;
import jnr.ffi.Pointer;

/**
 * Message payloads too large for one datagram travel in a sealed {@code memfd} whose descriptor rides in the
 * message's datagram.
 *
 * <h2>Why a memfd and not a fragment channel</h2>
 * Rust's ipc-channel sends a large message as fragments over a private socket pair whose receiving end rides in
 * the first datagram. Its sender blocks once that pair's buffer (about 208 KiB) is full until the receiver reads,
 * so a thread that sends a large message and then receives it itself deadlocks, and a receiver that is slow or
 * stuck stalls every sender of large messages. A memfd is written completely before the datagram leaves: sending
 * never waits for the receiver, the message is a single datagram (whole, and never interleaved with another
 * sender's messages), and the receiver copies it with one {@code memcpy} from a read-only mapping.
 *
 * <p>The price, measured with {@code LargeMessageProbeTest} (JDK 17, 2-vCPU x86_64 VM shared with other builds,
 * ranges of four runs; one sender thread, one receiver thread):
 * <pre>
 *   size      inline        memfd           fragment channel
 *   200 KiB   103-240 us    142-360 us      128-225 us
 *   1 MiB     -             0.6-1.5 ms      0.53-0.69 ms
 *   16 MiB    -             12-21 ms        8-12 ms
 *   64 MiB    -             47-80 ms        33-44 ms   (memfd 0.8-1.4 GB/s, fragments 1.5-2.0 GB/s)
 * </pre>
 * Fragments stream 1.2 to 1.8 times faster between two threads: they pipeline within a message and reuse socket
 * buffers, while a memfd's pages are allocated by the sender and freed by the receiver for every message. Sending
 * and then receiving 64 MiB on one thread takes 64-76 ms with a memfd and is impossible with fragments. The
 * transport takes the memfd: correctness (no deadlock, no stall behind a slow receiver) over 1.5 times the
 * bandwidth of the largest messages.
 *
 * <p>Filling the memfd with {@code write(2)} in {@link #WRITE_SLICE} slices beats filling a shared mapping (16 MiB:
 * 8 ms against 11.7 ms, 13.7 ms with {@code MAP_POPULATE}), since every page of a fresh mapping faults in zeroed
 * first. Reading through a {@code MAP_POPULATE} mapping (4.0-4.6 ms for 16 MiB) is on par with {@code read(2)}
 * (5 ms) and copies once.
 *
 * <h2>The threshold</h2>
 * The datagram itself: a payload goes inline whenever the header, the handle kinds and the payload fit
 * {@link Linux#MAX_DATAGRAM} bytes, and in a memfd otherwise (also when the kernel refuses the datagram with
 * {@code EMSGSIZE} because {@code SO_SNDBUF} was lowered). Just below the threshold, inline is faster than a memfd
 * (table above), so a lower threshold would only add cost.
 *
 * <h2>Safety of the receiving side</h2>
 * A received memfd is mapped only after {@link Memfds#checkSealed} found it sealed against shrinking, growing and
 * writing, and of exactly the declared size: a region a peer could still shrink would crash the JVM with SIGBUS
 * under the mapping. The mapping is the received message's frame: it lives until the recipient has decoded the
 * message (copied the bytes into what the user gets) and released it, so a large message is copied once on this
 * side and never pins memory after it was received.
 *
 * <h2>Thread safety</h2>
 * Stateless; thread-safe.
 */
final class LargePayload {

    private static final String MEMFD_NAME = "ipc-channel-message";
    private static final String PURPOSE = "a large message payload";
    /** Copy in slices so that a copy of a gigabyte does not hold off a safepoint for long. */
    private static final int COPY_SLICE = 16 << 20;
    /** The slice written per {@code write(2)}: small enough to stay in cache, large enough to amortise the call. */
    static final int WRITE_SLICE = 64 << 10;
    /** The most bytes written per {@code write(2)} from a pinned heap array (about a millisecond of copying). */
    static final int PINNED_SLICE = 4 << 20;

    private LargePayload() {}

    /**
     * Writes the remaining bytes of {@code prefix}, then of {@code frame}, into a new memfd and seals it. Neither
     * buffer's position moves. A heap buffer is written straight from its array (pinned for each
     * {@link #PINNED_SLICE}-byte {@code write(2)}): one copy, into the memfd's pages. Other buffers go through
     * {@code staging} in slices of {@link #WRITE_SLICE}: measured about 1.5 times faster than filling a fresh shared
     * mapping, whose every page faults in zeroed first.
     *
     * @param staging a block whose data area stages slices of a direct buffer; its previous content is lost
     * @return the sealed memfd, owned by the caller
     * @throws IpcException if the OS refuses (out of memory or descriptors)
     */
    static int write(ByteBuffer prefix, ByteBuffer frame, NativeMessage staging) throws IpcException {
        int fd = Memfds.create(MEMFD_NAME);
        try {
            writeAll(fd, prefix, staging);
            writeAll(fd, frame, staging);
            Memfds.seal(fd);
            return fd;
        } catch (IpcException | RuntimeException | Error e) {
            Descriptors.closeQuietly(fd);
            throw e;
        }
    }

    private static void writeAll(int fd, ByteBuffer buffer, NativeMessage staging) throws IpcException {
        ByteBuffer source = buffer.duplicate();
        LibC libc = Native.libc();
        if (source.hasArray()) {
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
            return;
        }
        while (source.hasRemaining()) {
            int slice = Math.min(WRITE_SLICE, source.remaining());
            staging.dataBuffer().put(0, source, source.position(), slice);
            source.position(source.position() + slice);
            long done = 0;
            while (done < slice) {
                Pointer from = done == 0 ? staging.data() : staging.data().slice(done);
                long written = libc.write(fd, from, slice - done);
                if (written < 0) {
                    int errno = Native.errno();
                    if (errno != Errors.EINTR) {
                        throw Native.error("write", errno);
                    }
                } else {
                    done += written;
                }
            }
        }
    }

    /**
     * Maps the payload of a received memfd read-only, after checking its seals and size. Does not close {@code fd}
     * (the mapping stays valid after it is closed).
     *
     * @param declaredLength the payload length the header declared
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

    /**
     * Reads the payload of a received memfd into a new array (checked as by {@link #map}). Does not close {@code fd}.
     *
     * @param declaredLength the payload length the header declared
     * @return the payload
     * @throws IpcException if the memfd is not sealed, not of the declared size, or cannot be mapped
     */
    static byte[] read(int fd, long declaredLength) throws IpcException {
        Mapping mapping = map(fd, declaredLength);
        try {
            ByteBuffer source = mapping.buffer();
            byte[] payload = new byte[source.remaining()];
            for (int offset = 0; offset < payload.length; offset += COPY_SLICE) {
                source.get(payload, offset, Math.min(COPY_SLICE, payload.length - offset));
            }
            return payload;
        } finally {
            mapping.run();
        }
    }

    /**
     * A read-only mapping of a received payload. Running it unmaps the memory (once; later runs do nothing): the
     * buffer must not be read afterwards, since the pages are gone and a read would crash the JVM. Only the
     * recipient that decodes the message holds the buffer, and it releases the message after decoding.
     *
     * <h2>Thread safety</h2>
     * Not thread-safe: one recipient.
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
