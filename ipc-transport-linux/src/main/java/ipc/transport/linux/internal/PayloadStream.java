package ipc.transport.linux.internal;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.transport.linux.ffi.LibC;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import jnr.ffi.Pointer;

/**
 * Carries a message payload too large for one datagram: streamed through a private socket pair, with a memfd for
 * whatever the receiver does not take in time.
 *
 * <h2>The design</h2>
 * For each large message the sender creates a {@code SOCK_SEQPACKET} socket pair and an empty memfd, and sends the
 * pair's receiving end and the memfd inside the message's datagram (flag {@link WireHeader#FLAG_PAYLOAD_STREAMED}).
 * It then writes the payload into the pair in datagrams of up to {@link #FRAGMENT} bytes, straight from the caller's
 * array (pinned for each call), and the receiver reads them straight into the array the message is decoded from:
 * one copy on each side, as a plain socket transfer. When the payload is all written the sender closes its end;
 * the receiver stops at the declared length (or at end-of-file).
 *
 * <p>A sender never waits for a receiver that does not read: when the pair's buffer stays full for
 * {@link #HANDOFF_NANOS} plus about 1 ms per MiB of the message (the receiver is busy, slow, stuck, or is the
 * sending thread itself, which will receive the message later), the sender writes the rest of the payload into the memfd, seals it, and closes its end of the
 * pair. The receiver, at end-of-file before the declared length, takes the rest from the memfd, after checking that
 * it is sealed and holds exactly the missing bytes. So a thread may send a message of any size and then receive it
 * itself (it costs the hand-over wait and a copy into the memfd), sending returns once the whole message is in the
 * kernel (a sender process may exit right after it), and a message stays whole and never interleaved with other
 * messages (its datagram is a single {@code sendmsg}, and the stream is private to it).
 *
 * <p>Rust's ipc-channel streams large messages the same way, without the hand-over: its sender blocks until the
 * receiver has read all but the last buffer-full, which deadlocks a thread that receives its own message and stalls
 * every sender behind a receiver that does not read. The previous design of this transport, a sealed memfd per
 * message, never waited either, but costs page allocation and zeroing on the sender and unmapping on the receiver
 * for every message: on the machine the benchmarks ran on, writing 1 MiB into a fresh memfd took 360-600 us while
 * the whole socket transfer of 1 MiB takes about 210 us.
 *
 * <h2>The receiving side</h2>
 * The stream end must be a {@code SOCK_SEQPACKET} socket (checked when the message is decoded). The receiver reads
 * at most the declared length (bounded by {@link ipc.api.IpcLimits} before the array is allocated); descriptors a
 * hostile sender attaches to stream datagrams are discarded by the kernel. The payload's array is allocated once
 * the stream shows data, or at its end once the memfd was found to hold the rest: never on the declared length
 * alone. A stream that makes no progress for
 * {@link #stallLimitNanos} (2 s, plus 1 s per 100 MB still missing: what a slow sender may take to hand them over)
 * drops the message with an {@link IpcException}: so a sender that stops in the middle of a message, or a hostile
 * peer, holds a receiving thread (or a receiver set) that long per message at most. Closing the receiver meanwhile ends the wait within a
 * {@link LinuxReceiver#WAKE_SLICE_NANOS slice} with an {@link IpcDisconnectedException}. A stream that ends short
 * with its memfd never sealed belongs to a sender that stopped before its send returned (it exited or was killed):
 * that message was never sent, and the receiver drops it silently ({@link Unfinished}), as the previous design never
 * delivered a message whose memfd was not complete. A message whose receiver
 * closes the stream early (it failed to decode it, or exited) is discarded by the sender without an error, as a
 * message left unread would be.
 *
 * <h2>Thread safety</h2>
 * A {@link Writer} belongs to one sending thread; {@link #read} is called by one receiving thread per message.
 */
final class PayloadStream {

    /** The most bytes per stream datagram: the largest datagram the default socket buffer accepts. */
    static final int FRAGMENT = Linux.MAX_DATAGRAM;
    /**
     * How long a sender waits for room in the stream, without progress, before it hands the rest to the memfd: this,
     * plus {@link #HANDOFF_NANOS_PER_BYTE} per byte of the message (a receiver allocates and zeroes the message's
     * array before it reads, which takes milliseconds for large messages).
     */
    static final long HANDOFF_NANOS = TimeUnit.MILLISECONDS.toNanos(2);
    /** About 1 ms per MiB: more than a receiver takes to allocate the array, less than the memfd write costs. */
    static final long HANDOFF_NANOS_PER_BYTE = 1;
    /**
     * How long a receiver waits for a stream that makes no progress before it drops the message, beyond the time a
     * slow sender may need to hand the missing bytes over ({@link #stallLimitNanos}).
     */
    static final long RECEIVE_STALL_NANOS = TimeUnit.SECONDS.toNanos(2);
    /** 100 MB/s: the slowest a sender is expected to write the memfd when it hands over the rest. */
    private static final long STALL_NANOS_PER_BYTE = 10;
    private static final int HANDOFF_POLL_MILLIS = 1;
    private static final int RECEIVE_POLL_MILLIS = (int) TimeUnit.NANOSECONDS.toMillis(LinuxReceiver.WAKE_SLICE_NANOS);

    /** How many messages this process handed over to their memfd; for diagnostics and tests. */
    private static final java.util.concurrent.atomic.AtomicLong HANDOFFS = new java.util.concurrent.atomic.AtomicLong();

    private PayloadStream() {}

    /** How many messages this process has handed over to their memfd so far (for diagnostics and tests). */
    static long handOffs() {
        return HANDOFFS.get();
    }

    /**
     * The sending side of one message's stream: the pair, the memfd, and the part of the payload not yet written.
     * Closing it closes whatever descriptors it still holds.
     */
    static final class Writer implements AutoCloseable {

        private int socket;
        private int peerEnd;
        private int remainder;
        private final ByteBuffer[] parts;
        private int part;
        /** How long to wait for progress before handing over. */
        private final long handOffNanos;

        private Writer(int socket, int peerEnd, int remainder, ByteBuffer[] parts) {
            this.socket = socket;
            this.peerEnd = peerEnd;
            this.remainder = remainder;
            this.parts = parts;
            long length = 0;
            for (ByteBuffer part : parts) {
                length += part.remaining();
            }
            this.handOffNanos = HANDOFF_NANOS + length * HANDOFF_NANOS_PER_BYTE;
        }

        /**
         * Creates the stream for the remaining bytes of {@code parts} from index {@code from} on, in order (their
         * positions do not move).
         *
         * @param scratch at least 8 bytes of native memory, for the new descriptors
         * @throws IpcException if the OS refuses (out of descriptors or memory)
         */
        static Writer open(Pointer scratch, ByteBuffer[] parts, int from) throws IpcException {
            ByteBuffer[] views = new ByteBuffer[parts.length - from];
            for (int i = 0; i < views.length; i++) {
                views[i] = parts[from + i].duplicate();
            }
            Channels.socketPair(scratch);
            int socket = scratch.getInt(0);
            int peerEnd = scratch.getInt(Integer.BYTES);
            int memfd;
            try {
                memfd = Memfds.create(LargePayload.MEMFD_NAME);
            } catch (IpcException | RuntimeException | Error e) {
                Descriptors.closeQuietly(socket);
                Descriptors.closeQuietly(peerEnd);
                throw e;
            }
            return new Writer(socket, peerEnd, memfd, views);
        }

        /** The receiving end of the pair, to attach to the message's datagram. */
        int peerEnd() {
            return peerEnd;
        }

        /** The memfd for the rest of the payload, to attach to the message's datagram. */
        int remainder() {
            return remainder;
        }

        /**
         * Writes as much as the stream takes without waiting (before the message's datagram leaves, so the receiver
         * finds data at once).
         *
         * @throws IpcException if the OS refuses
         */
        void fill() throws IpcException {
            write(null, false);
        }

        /**
         * Writes the rest, once the message's datagram is sent: closes this side's copy of the receiving end (so a
         * receiver that goes away shows as {@code EPIPE}), streams while the receiver keeps reading, hands the rest
         * to the memfd if it stops for {@link #HANDOFF_NANOS} (plus 1 ms per MiB), and closes the stream.
         *
         * @param scratch native memory for a {@code pollfd}
         * @throws IpcException if the OS refuses
         */
        void finish(NativeMessage scratch) throws IpcException {
            Descriptors.closeQuietly(peerEnd);
            peerEnd = -1;
            write(scratch.data(), true);
            close();
        }

        private void write(Pointer pollfd, boolean waiting) throws IpcException {
            LibC libc = Native.libc();
            long progress = System.nanoTime();
            while (part < parts.length) {
                ByteBuffer source = parts[part];
                if (!source.hasRemaining()) {
                    part++;
                    continue;
                }
                int length = Math.min(FRAGMENT, source.remaining());
                long sent = libc.send(socket, source, length, Linux.MSG_DONTWAIT | Linux.MSG_NOSIGNAL);
                if (sent >= 0) {
                    source.position(source.position() + (int) sent);
                    progress = System.nanoTime();
                    continue;
                }
                int errno = Native.errno();
                if (errno == Errors.EINTR) {
                    continue;
                }
                if (errno == Errors.EPIPE || errno == Errors.ECONNRESET) {
                    part = parts.length; // the receiver dropped the message: nothing more to deliver
                    return;
                }
                if (errno != Errors.EAGAIN) {
                    throw Native.error("send", errno);
                }
                if (!waiting) {
                    return;
                }
                if (System.nanoTime() - progress >= handOffNanos) {
                    handOff();
                    return;
                }
                poll(pollfd, socket, Linux.POLLOUT, HANDOFF_POLL_MILLIS);
            }
        }

        /** Writes what the stream did not take into the memfd and seals it; the receiver reads it after EOF. */
        private void handOff() throws IpcException {
            ByteBuffer[] rest = new ByteBuffer[parts.length - part];
            System.arraycopy(parts, part, rest, 0, rest.length);
            LargePayload.fill(remainder, rest);
            part = parts.length;
            HANDOFFS.incrementAndGet();
        }

        @Override
        public void close() {
            // Idempotent: a descriptor number closed twice could by then belong to another thread's socket.
            Descriptors.closeQuietly(socket);
            Descriptors.closeQuietly(peerEnd);
            Descriptors.closeQuietly(remainder);
            socket = -1;
            peerEnd = -1;
            remainder = -1;
        }
    }

    /**
     * Reads the streamed part of a payload, {@code length} bytes, into a buffer from {@code tails}: from the stream
     * while it delivers, then, after its end, the rest from the memfd. The buffer is asked for only once the stream
     * shows data, or the memfd was found to hold all of it (a peer that only declares a length makes nothing
     * allocate). Closes neither descriptor.
     *
     * @param socket the receiving end of the stream (checked to be a {@code SOCK_SEQPACKET} socket)
     * @param remainder the memfd that came with it
     * @param length the bytes to read, within the declared payload length already checked against the limits
     * @param into the buffer to read into if it has {@code length} bytes remaining (heap or direct), else null
     * @param tails given a length, a buffer with at least that many bytes remaining (heap or direct); asked only if
     *     {@code into} is null or too small
     * @param scratch native memory for a {@code pollfd}, also where the first byte is peeked at (each call writes
     *     what it reads)
     * @param owner the receiver, checked while waiting; may be null
     * @return {@code into} or the buffer {@code tails} gave, its position at the first byte read and its limit after
     *     the last
     * @throws IpcException if the stream ends without the whole payload, stalls, or the memfd is not as expected;
     *     {@link IpcDisconnectedException} if {@code owner} is closed meanwhile
     */
    static ByteBuffer read(int socket, int remainder, int length, ByteBuffer into, IntFunction<ByteBuffer> tails,
            Pointer scratch, FdHandle owner) throws IpcException {
        LibC libc = Native.libc();
        int got = 0;
        long progress = System.nanoTime();
        while (length > 0) {
            long peeked = libc.recv(socket, scratch, 1, Linux.MSG_DONTWAIT | Linux.MSG_PEEK);
            if (peeked == 0) {
                // End of the stream before any data: all of it is in the memfd, checked before allocating.
                LargePayload.Mapping rest = mapRemainder(remainder, length);
                try {
                    ByteBuffer target = target(into, tails, length);
                    int start = target.position();
                    LargePayload.copy(rest.buffer(), target);
                    return target.limit(start + length).position(start);
                } finally {
                    rest.run();
                }
            }
            if (peeked > 0) {
                break;
            }
            int errno = Native.errno();
            if (errno != Errors.EAGAIN && errno != Errors.EINTR) {
                throw Native.error("recv", errno);
            }
            awaitProgress(scratch, socket, progress, got, length, owner);
        }
        ByteBuffer target = target(into, tails, length);
        int start = target.position();
        while (got < length) {
            target.position(start + got);
            long received = libc.recv(socket, target, length - got, Linux.MSG_DONTWAIT);
            if (received > 0) {
                got += (int) received;
                progress = System.nanoTime();
                continue;
            }
            if (received == 0) {
                break; // the sender closed the stream: the rest, if any, is in the memfd
            }
            int errno = Native.errno();
            if (errno == Errors.EINTR) {
                continue;
            }
            if (errno != Errors.EAGAIN) {
                throw Native.error("recv", errno);
            }
            awaitProgress(scratch, socket, progress, got, length, owner);
        }
        if (got < length) {
            LargePayload.Mapping rest = mapRemainder(remainder, length - got);
            try {
                LargePayload.copy(rest.buffer(), target.position(start + got));
            } finally {
                rest.run();
            }
        }
        return target.limit(start + length).position(start);
    }

    private static ByteBuffer target(ByteBuffer into, IntFunction<ByteBuffer> tails, int length) {
        ByteBuffer target = into != null && length <= into.remaining() ? into : tails.apply(length);
        if (target.isReadOnly() || target.remaining() < length) {
            throw new IllegalStateException("Asked for a writable buffer of " + length + " bytes, got " + target);
        }
        return target;
    }

    /**
     * Waits up to one slice for the stream to become readable, after checking that the receiver is open, the thread
     * not interrupted, and the stream not stalled.
     */
    private static void awaitProgress(Pointer scratch, int socket, long progress, int got, int length,
            FdHandle owner) throws IpcException {
        if (owner != null && !owner.isOpen()) {
            throw new IpcDisconnectedException("The receiver was closed while a large message was arriving");
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new IpcException("Interrupted while a large message was arriving (the message is dropped)");
        }
        long allowed = stallLimitNanos(length - got);
        if (System.nanoTime() - progress >= allowed) {
            throw new IpcException("Expected the rest of a large message, but its stream made no progress for "
                    + TimeUnit.NANOSECONDS.toMillis(allowed) + " ms after " + got + " of " + length + " bytes: its "
                    + "sender stopped without finishing it (the message is dropped)");
        }
        poll(scratch, socket, Linux.POLLIN, RECEIVE_POLL_MILLIS);
    }

    /**
     * How long a stream may make no progress with {@code missing} bytes to go: {@link #RECEIVE_STALL_NANOS}, plus
     * the time a sender slow to write its memfd (100 MB/s) needs to hand over that many bytes.
     */
    static long stallLimitNanos(long missing) {
        return RECEIVE_STALL_NANOS + missing * STALL_NANOS_PER_BYTE;
    }

    /** Polls one descriptor with {@code scratch} as its {@code pollfd}; whether any event (or hang-up) came. */
    private static boolean poll(Pointer scratch, int fd, short events, int millis) throws IpcException {
        scratch.putInt(Layouts.POLLFD_FD, fd);
        scratch.putShort(Layouts.POLLFD_EVENTS, events);
        scratch.putShort(Layouts.POLLFD_REVENTS, (short) 0);
        int ready = Native.libc().poll(scratch, 1, millis);
        if (ready < 0) {
            int errno = Native.errno();
            if (errno == Errors.EINTR) {
                return false;
            }
            throw Native.error("poll", errno);
        }
        return ready > 0;
    }

    /**
     * A message whose sender stopped before its send returned (the process exited or was killed mid-message): the
     * stream ended, and the memfd was never sealed. Such a message was never sent, so the receiver drops it
     * without a word and goes on to the next; a malformed or stalled stream is an error instead.
     */
    static final class Unfinished extends IpcException {
        private static final long serialVersionUID = 1L;

        Unfinished(String message) {
            super(message);
        }
    }

    /** Maps the memfd that must hold the {@code missing} bytes the stream did not deliver. */
    private static LargePayload.Mapping mapRemainder(int memfd, int missing) throws IpcException {
        int seals = Native.libc().fcntl(memfd, Linux.F_GET_SEALS, 0);
        if (seals >= 0 && (seals & Linux.F_SEAL_WRITE) == 0) {
            throw new Unfinished("Expected the last " + missing + " bytes of a large message in its memfd, but its "
                    + "stream ended and the memfd was never sealed: the sender stopped before finishing the message "
                    + "(it exited or was killed)");
        }
        try {
            return LargePayload.map(memfd, missing);
        } catch (IpcException e) {
            throw new IpcException("A large message's stream ended " + missing + " bytes short, and "
                    + "its memfd does not hold them: " + e.getMessage(), e);
        }
    }
}
