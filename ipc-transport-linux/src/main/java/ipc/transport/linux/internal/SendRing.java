package ipc.transport.linux.internal;

import com.kenai.jffi.MemoryIO;
import ipc.api.IpcException;
import ipc.transport.linux.ffi.LibC;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import jnr.ffi.Pointer;

/**
 * A sender's ring: shared memory through which the payloads of medium-sized messages travel, so that a payload is
 * copied once into memory the receiver maps and once out of it, with no system call per byte.
 *
 * <h2>The design</h2>
 * A sender makes its ring at its first message of {@link #MIN_PAYLOAD} to {@link #SLOT_BYTES} bytes without handles:
 * a memfd of {@link #SIZE} bytes, sealed against shrinking and growing (so that no mapping of it can fault past its
 * end), and mapped for reading and writing. Its first page holds one state word per slot ({@link #FREE}, or the
 * length of the payload in it; {@link #STATE_STRIDE} bytes apart), a word the sender sets when it closes the ring
 * ({@link #CLOSED_AT}), and the two words of the wake-up protocol ({@link #FREED_AT}, {@link #WAITERS_AT});
 * {@link #SLOTS} slots of {@link #SLOT_BYTES} bytes follow. A message takes the lowest free slot (compare-and-set of
 * its state word), has its payload copied there, and travels as a small datagram on the channel itself (flag
 * {@link WireHeader#FLAG_PAYLOAD_RING}) carrying the ring's memfd and the slot's number. So the message keeps its
 * place among the channel's other messages, a receiver set sees it like any other, and whichever process holds the
 * receiver when it arrives can map the ring: the descriptor rides in every message, so no message can name a ring
 * its sender did not send. The receiver ({@link RingReader}) copies the payload out and frees the slot.
 *
 * <h2>Room, and when a send waits</h2>
 * At most {@link #BUDGET} bytes of payload are in flight through a ring (or one message, if larger), in at most
 * {@link #SLOTS} messages, slot {@code k} taking at most a {@code k + 1}-th of a slot ({@link #capacity(int)}):
 * enough for the copies on both sides to run from the processor's caches. A send that finds
 * no room waits for a receiver to free some, asleep on a futex in the ring, for at most {@link #WAIT_NANOS}; a
 * receiver wakes it once half the room is free. So a sender that runs ahead of its receiver is held back by the ring
 * as it would be by a full socket, and sleeps once per few messages. After {@link #WAIT_NANOS} without room (the
 * receiver is stuck, gone, or is the sending thread itself) the message takes the ordinary path, inline in its
 * datagram or on its own stream ({@link PayloadStream}): a send never waits on the ring for long, and the kernel keeps
 * the datagrams in order whichever path their payloads took. A slot of a message that is never received (its receiver
 * closed with the message queued) is never freed; the ring then has that much less room.
 *
 * <h2>Memory</h2>
 * Only the pages payloads touched take memory, and the lowest free slot that takes a payload is always taken: a
 * sender of 64 KiB messages holds about 16 x 64 KiB, one of 1 MiB messages 1 MiB, and no mix of sizes more than
 * about 3.6 MiB (the slots' capacities added up), for as long as the sender lives, and as long as a receiving process
 * keeps the ring mapped ({@link RingReader}); the rest of the ring's {@link #SIZE} bytes is address space only.
 *
 * <h2>What a peer can do to a ring</h2>
 * The receiver maps the ring writable (it frees slots), so it could also write the payloads of messages it has not
 * read yet, or mark slots free early: only its own messages suffer, since a ring serves one sender on one channel,
 * and whoever can map it could read the channel anyway. It could also write nonsense into the state words or the
 * wake-up words: a state word holding anything but {@link #FREE} is never taken, and a sender waits at most
 * {@link #WAIT_NANOS} per message, so the worst it can do is send the sender's messages back to the ordinary path.
 * A sender could change a payload while its receiver copies it out, or claim waiters so that every free costs the
 * receiver a {@code futex} call: the receiver gets whatever bytes it copied, as if the sender had sent those, and
 * decodes only its own copy.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: concurrent sends take distinct slots. {@link #close()} only after the last send that uses the ring
 * (the owning {@link LinuxSender} closes it once its last call in flight ends).
 */
final class SendRing {

    /**
     * Slots per ring: the most messages in flight through it at once. Sixteen, so that a sender of 64 KiB messages
     * runs 16 ahead before it sleeps, and the two sides take turns on a processor once per 8 messages rather than once
     * per 2: one-way 64 KiB into a reused buffer took 5.3 to 5.7 us with 16 slots against 6.3 to 6.6 us with 4
     * (floor 5.0 to 5.2), and `recv()` 17.6 against 20.3 us; 32 slots changed nothing more (the budget binds).
     */
    static final int SLOTS = 16;
    /**
     * The largest payload a slot holds: 1 MiB, and room for the framing a serializer adds around a 1 MiB array (a
     * frame header, lengths), so that a typed message of 1 MiB fits as well as a bytes message does.
     */
    static final int SLOT_BYTES = (1 << 20) + (64 << 10);
    /**
     * The smallest payload sent through the ring. Below it the ordinary datagram costs less than the ring's extra
     * descriptor (passed, checked and closed per message): one-way on one CPU, 8 KiB took 8.4 us by the ring against
     * 6.5 us inline, 16 KiB about the same either way (9.4 against 9.7 us, direct buffers 9.7 against 7.3), 32 KiB
     * 10.6 against 15.9 us.
     */
    static final int MIN_PAYLOAD = 32 << 10;
    /** Bytes between two slots' state words (one cache line each). */
    static final int STATE_STRIDE = 64;
    /** The offset of the word the sender sets to 1 when it closes the ring. */
    static final int CLOSED_AT = SLOTS * STATE_STRIDE;
    /** The offset of the word a receiver adds one to whenever it frees a slot: the futex a waiting sender sleeps on. */
    static final int FREED_AT = CLOSED_AT + STATE_STRIDE;
    /** The offset of the count of sending threads asleep on {@link #FREED_AT}, for receivers to wake. */
    static final int WAITERS_AT = FREED_AT + STATE_STRIDE;
    /**
     * How long a send waits for a slot when all are in use before it takes the ordinary path instead: long enough for
     * a receiver that is reading to free one (so a sender that runs ahead waits on the ring, as it would on a full
     * socket), short enough not to matter to a thread that sends itself more messages than there are slots.
     */
    static final long WAIT_NANOS = java.util.concurrent.TimeUnit.MILLISECONDS.toNanos(2);
    /**
     * The most payload bytes in flight (sent, not yet copied out) through one ring, unless a single message is larger:
     * a sender that ran further ahead would copy into memory the receiver last touched long ago, and both copies
     * would run at memory speed instead of cache speed (two copies of 1 MiB on this machine: 100-125 us with one slot
     * reused, 110-160 us with two, 230-360 us rotating through four). The kernel bounds a socket the same way, by its
     * buffer (212,992 bytes by default).
     */
    static final int BUDGET = 1 << 20;
    /**
     * The largest payload each slot takes ({@link #capacity(int)}): slot {@code k} the {@code k + 1}-th part of
     * {@link #SLOT_BYTES}, so slot 0 a whole slot and the last one 68 KiB (64 KiB and a serializer's framing).
     * Payloads in flight are bounded by the budget anyway; this also bounds the memory that varied sizes can touch
     * over a ring's life (a slot's pages stay once touched) to about 3.6 MiB, where sixteen whole slots could touch
     * 17 MiB.
     */
    private static final int[] CAPACITY = new int[SLOTS];

    static {
        for (int slot = 0; slot < SLOTS; slot++) {
            CAPACITY[slot] = SLOT_BYTES / (slot + 1);
        }
    }

    /** Bytes of scratch memory {@link #acquire(int, long, Pointer)} needs: a {@code struct timespec}. */
    static final int SCRATCH_BYTES = 16;
    /** The first page: the state words. */
    static final int HEADER_BYTES = 4096;
    /** The size of a ring's memfd: a receiver maps nothing else. */
    static final int SIZE = HEADER_BYTES + SLOTS * SLOT_BYTES;
    /** The bytes of the slot number a ring message's datagram carries after its inline bytes. */
    static final int REF_BYTES = Integer.BYTES;
    /** A free slot's state word; a slot in use holds its payload's length. */
    static final int FREE = 0;
    /** The seals a ring carries: no shrinking or growing, and no change of seals. */
    static final int SEALS = Linux.F_SEAL_SHRINK | Linux.F_SEAL_GROW | Linux.F_SEAL_SEAL;
    /** The name of rings' memfds (shown in {@code /proc/PID/fd}). */
    static final String MEMFD_NAME = "ipc-channel-ring";
    /** Atomic access to the state words, through a direct buffer over the mapping. */
    static final VarHandle WORD = MethodHandles.byteBufferViewVarHandle(int[].class, ByteOrder.nativeOrder());

    /** How many sends of this process found no room within {@link #WAIT_NANOS}; for diagnostics and tests. */
    private static final java.util.concurrent.atomic.AtomicLong TIMEOUTS = new java.util.concurrent.atomic.AtomicLong();

    private final int fd;
    private final long address;
    private final ByteBuffer memory;
    /** {@link #FREED_AT} as a pointer, for {@code futex}. */
    private final Pointer freed;

    private SendRing(int fd, long address) {
        this.fd = fd;
        this.address = address;
        this.memory = MemoryIO.getInstance().newDirectByteBuffer(address, SIZE).order(ByteOrder.nativeOrder());
        this.freed = Pointer.wrap(Native.runtime(), address + FREED_AT);
    }

    /**
     * Makes a ring: a sealed memfd of {@link #SIZE} bytes, mapped.
     *
     * @throws IpcException if the OS refuses (out of memory or descriptors)
     */
    static SendRing create() throws IpcException {
        int fd = Memfds.create(MEMFD_NAME);
        try {
            Memfds.resize(fd, SIZE);
            LibC libc = Native.libc();
            if (libc.fcntl(fd, Linux.F_ADD_SEALS, SEALS) < 0) {
                throw Native.lastError("fcntl(F_ADD_SEALS)");
            }
            long address = libc.mmap((Pointer) null, SIZE, Linux.PROT_READ | Linux.PROT_WRITE, Linux.MAP_SHARED, fd,
                    0L);
            if (address == Linux.MAP_FAILED) {
                throw Native.lastError("mmap");
            }
            return new SendRing(fd, address);
        } catch (IpcException | RuntimeException | Error e) {
            Descriptors.closeQuietly(fd);
            throw e;
        }
    }

    /** The ring's memfd, sent with every message whose payload is in it. */
    int fd() {
        return fd;
    }

    /**
     * Takes a slot for a payload of {@code length} bytes ({@link #tryAcquire}), waiting up to {@code waitNanos} for
     * receivers to free room if there is none: asleep on the {@link #FREED_AT} futex, counted in {@link #WAITERS_AT}
     * so that a receiver wakes it.
     *
     * @param timespec {@link #SCRATCH_BYTES} of native memory
     * @return the slot, or -1 if none became free in time
     */
    int acquire(int length, long waitNanos, Pointer timespec) {
        int slot = tryAcquire(length);
        if (slot >= 0 || waitNanos <= 0) {
            return slot;
        }
        long deadline = System.nanoTime() + waitNanos;
        while (true) {
            int seen = (int) WORD.getVolatile(memory, FREED_AT);
            WORD.getAndAdd(memory, WAITERS_AT, 1);
            try {
                // Counted as a waiter before looking again: a slot freed from now on wakes this thread.
                slot = tryAcquire(length);
                if (slot >= 0) {
                    return slot;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    TIMEOUTS.incrementAndGet();
                    return -1;
                }
                timespec.putLong(0, left / 1_000_000_000L);
                timespec.putLong(Long.BYTES, left % 1_000_000_000L);
                // Returns at once if a slot was freed since `seen` was read (EAGAIN), on a wake-up, or at the timeout.
                Native.libc().syscall(Linux.SYS_FUTEX, freed, Linux.FUTEX_WAIT, seen, timespec);
            } finally {
                WORD.getAndAdd(memory, WAITERS_AT, -1);
            }
        }
    }

    /**
     * Frees {@code slot} of the ring mapped at {@code memory}, and wakes the senders waiting for room: the receiving
     * side's half of {@link #acquire(int, long, Pointer)}. A {@code futex} call only if a sender waits and half the
     * room is free again (half the slots, and the bytes in flight down to half the {@link #BUDGET}), so that a sender
     * that runs ahead sleeps once per few messages rather than once per message, as the kernel wakes a writer blocked
     * on a full socket only once much of its buffer is free. A receiver that reads everything frees everything.
     *
     * @param freed {@link #FREED_AT} of that mapping, as a pointer
     */
    static void free(ByteBuffer memory, int slot, Pointer freed) {
        WORD.setRelease(memory, slot * STATE_STRIDE, FREE);
        WORD.getAndAdd(memory, FREED_AT, 1);
        if ((int) WORD.getVolatile(memory, WAITERS_AT) != 0) {
            int free = 0;
            long inFlight = 0;
            for (int i = 0; i < SLOTS; i++) {
                int state = (int) WORD.getVolatile(memory, i * STATE_STRIDE);
                if (state == FREE) {
                    free++;
                } else {
                    inFlight += state & 0xffff_ffffL;
                }
            }
            if (free >= SLOTS / 2 && inFlight <= BUDGET / 2) {
                Native.libc().syscall(Linux.SYS_FUTEX, freed, Linux.FUTEX_WAKE, Integer.MAX_VALUE, null);
            }
        }
    }

    /**
     * Takes the lowest free slot that takes a payload of {@code length} bytes (more than 0, at most
     * {@link #SLOT_BYTES}; see {@link #capacity(int)}), unless the payloads in flight would then exceed the
     * {@link #BUDGET} (a message alone in the ring may fill a slot). The lowest, so that a payload goes where the last
     * one was copied out, while those bytes are still in the processor's caches.
     *
     * @return the slot, its state word set to {@code length}; -1 if there is no room
     */
    int tryAcquire(int length) {
        long inFlight = 0;
        int free = -1;
        for (int slot = 0; slot < SLOTS; slot++) {
            int state = (int) WORD.getVolatile(memory, slot * STATE_STRIDE);
            if (state != FREE) {
                inFlight += state & 0xffff_ffffL;
            } else if (free < 0 && length <= CAPACITY[slot]) {
                free = slot;
            }
        }
        if (free < 0 || (inFlight > 0 && inFlight + length > BUDGET)) {
            return -1;
        }
        for (int slot = free; slot < SLOTS && length <= CAPACITY[slot]; slot++) {
            if (WORD.compareAndSet(memory, slot * STATE_STRIDE, FREE, length)) {
                return slot;
            }
        }
        return -1;
    }

    /** The largest payload {@code slot} takes: {@link #SLOT_BYTES} / ({@code slot} + 1). */
    static int capacity(int slot) {
        return CAPACITY[slot];
    }

    /** Frees a slot whose message was not sent. */
    void release(int slot) {
        WORD.setRelease(memory, slot * STATE_STRIDE, FREE);
    }

    /** Copies the remaining bytes of {@code parts}, one after the other, into a slot. No position moves. */
    void write(int slot, ByteBuffer[] parts) {
        int at = slotOffset(slot);
        for (ByteBuffer part : parts) {
            at = copyIn(at, part);
        }
    }

    /** Copies the remaining bytes of {@code part} into a slot. Its position does not move. */
    void write(int slot, ByteBuffer part) {
        copyIn(slotOffset(slot), part);
    }

    private int copyIn(int at, ByteBuffer part) {
        int length = part.remaining();
        if (part.hasArray()) {
            memory.put(at, part.array(), part.arrayOffset() + part.position(), length);
        } else {
            memory.put(at, part, part.position(), length);
        }
        return at + length;
    }

    /** Copies all of {@code array} into a slot. */
    void write(int slot, byte[] array) {
        memory.put(slotOffset(slot), array, 0, array.length);
    }

    /** How many sends of this process found no room in a ring in time, and took the ordinary path; for tests. */
    static long timeouts() {
        return TIMEOUTS.get();
    }

    /** How many slots are taken now (sent and not yet freed by a receiver); for tests. */
    int slotsInUse() {
        int taken = 0;
        for (int slot = 0; slot < SLOTS; slot++) {
            if ((int) WORD.getVolatile(memory, slot * STATE_STRIDE) != FREE) {
                taken++;
            }
        }
        return taken;
    }

    /** The offset of a slot's first byte in the ring. */
    static int slotOffset(int slot) {
        return HEADER_BYTES + slot * SLOT_BYTES;
    }

    /** Marks the ring closed for its receivers, unmaps it and closes its memfd. Once, after the last send. */
    void close() {
        WORD.setRelease(memory, CLOSED_AT, 1);
        LibC libc = Native.libc();
        libc.munmap(address, SIZE);
        libc.close(fd);
    }
}
