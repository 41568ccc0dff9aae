package ipc.transport.linux.internal;

import com.kenai.jffi.MemoryIO;
import ipc.api.IpcException;
import ipc.api.IpcLimits;
import ipc.api.spi.ReceivedMessage;
import ipc.transport.linux.ffi.LibC;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.function.IntFunction;
import jnr.ffi.Pointer;

/**
 * The receiving side of {@link SendRing}: decodes a message whose payload waits in its sender's ring, copies the
 * payload out and frees the slot. Rings are mapped once and kept, so that a message costs a {@code fstat} and a
 * {@code close} of its descriptor besides the copy.
 *
 * <h2>Where the payload goes</h2>
 * Into the recipient's buffer if it offered one with room ({@code recv(ByteBuffer)}); otherwise, if it fits, into the
 * receive block right after the inline bytes, the block then lent to the message as for a payload that came inline
 * (so a receive allocates nothing here: the recipient copies what it keeps, {@code recv()} into its new array, at
 * the cost of that second copy: 64 KiB one way took 26 us delivered straight into a new array and 31 us through the
 * block, which saves the buffer and message objects, about 90 bytes per message); otherwise into a buffer from the
 * recipient's {@code tails}.
 *
 * <h2>What is checked</h2>
 * The datagram must be ours and declare no handles, exactly one descriptor, at most
 * {@link OutboundMessage#INLINE_PREFIX_MAX} inline bytes, a slot number below {@link SendRing#SLOTS} and at most
 * {@link SendRing#SLOT_BYTES} bytes in the ring, within {@link IpcLimits#current()}. Before a ring is
 * mapped its descriptor must be a memfd on the same internal file system as this process's own memfds (not
 * {@code hugetlbfs}, where touching a page the system cannot back kills the process with SIGBUS), sealed against
 * shrinking and growing, of exactly {@link SendRing#SIZE} bytes. Nothing in the ring is trusted but its bytes: the
 * slot and length come from the datagram, and the state word is only written. On any disagreement the message is
 * dropped with an {@link IpcException} saying what was expected, its descriptor closed, and the channel stays usable.
 * A slot whose message failed after the ring was mapped is freed all the same.
 *
 * <h2>Mappings kept</h2>
 * One table per process, shared by every receiver, keyed by the ring's device and inode: a mapping holds the memfd
 * open, so its inode cannot be reused while the entry lives, and a descriptor with the same device and inode is the
 * same ring. At most {@link #MAX_MAPPINGS} rings stay mapped; the least recently used one that no receive is copying
 * from gives way to a new one (a ring whose every entry is busy is mapped for its message alone). A ring whose sender
 * closed it is unmapped once no receive uses it, and so is one that carried no message for {@link #IDLE_NANOS} (its
 * sender may have been killed, which marks nothing), when any ring message next arrives: until then such a ring, up to
 * {@link SendRing#SIZE} bytes of address space and the pages its payloads touched, stays mapped here.
 *
 * <h2>Thread safety</h2>
 * Thread-safe: the table is guarded by its own lock, held only to find, add or drop an entry; copies run outside it,
 * each holding a use of its entry.
 */
final class RingReader {

    /** The most rings mapped at once in this process. */
    static final int MAX_MAPPINGS = 16;
    private static final String WHAT = "a message ring";
    /** {@code F_SEAL_WRITE} and {@code F_SEAL_FUTURE_WRITE}: either forbids the writable mapping a ring needs. */
    private static final int WRITE_SEALS = Linux.F_SEAL_WRITE | Linux.F_SEAL_FUTURE_WRITE;
    private static final Object LOCK = new Object();
    /** The table; guarded by {@link #LOCK}. */
    private static final Mapping[] MAPPINGS = new Mapping[MAX_MAPPINGS];
    /**
     * How long a ring stays mapped without a message: a sender that was killed never marks its ring closed, so its
     * ring goes once idle this long. Mapping a ring again costs a {@code mmap} and a page fault per page it touches.
     */
    static final long IDLE_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(1);
    /** The device of this process's memfds, or -1 before the first ring; guarded by {@link #LOCK}. */
    private static long memfdDevice = -1;

    private RingReader() {}

    /** Whether the datagram in {@code block} claims to carry a ring payload (checked in full by {@link #receive}). */
    static boolean isRingMessage(NativeMessage block, long length) {
        return length >= WireHeader.SIZE
                && (block.dataBuffer().getShort(WireHeader.FLAGS_OFFSET) & WireHeader.FLAG_PAYLOAD_RING) != 0;
    }

    /**
     * Decodes the ring message of {@code length} bytes in {@code block}, which arrived with descriptor {@code fd}.
     * Closes {@code fd} in every case.
     *
     * @param lend whether the message's inline bytes (the sender's prefix) may stay in the block, lent to the
     *     message, rather than copied to the heap
     * @param tails where the payload goes unless {@code into} has room for it
     * @param into the recipient's buffer, or null
     * @param intoHead -1, or the length of the head after which the recipient wants the payload in {@code into}: a
     *     ring payload without inline bytes is then split there, its head in the frame and the rest in {@code into}
     * @return the message: the inline bytes (or the head split off) as its frame and the rest of the payload as its
     *     tail, or the payload as its frame if nothing came inline or was split off
     * @throws IpcException if the datagram or the ring is not valid (see the class comment)
     */
    static ReceivedMessage receive(NativeMessage block, long length, int fd, boolean lend,
            IntFunction<ByteBuffer> tails, ByteBuffer into, int intoHead) throws IpcException {
        ByteBuffer target;
        int inline;
        boolean inBlock;
        int whole;
        try {
            ByteBuffer data = block.dataBuffer();
            WireHeader.check(data, length, WireHeader.TYPE_MESSAGE);
            short flags = data.getShort(WireHeader.FLAGS_OFFSET);
            int handles = data.getInt(WireHeader.HANDLES_OFFSET);
            int fds = data.getInt(WireHeader.FDS_OFFSET);
            long payloadLength = data.getLong(WireHeader.PAYLOAD_LENGTH_OFFSET);
            if (flags != WireHeader.FLAG_PAYLOAD_RING || handles != 0 || fds != 1) {
                throw WireHeader.malformed("a ring message with no handles and one descriptor", handles
                        + " handles, " + fds + " descriptors, flags 0x" + Integer.toHexString(flags));
            }
            long inlineLength = length - WireHeader.SIZE - SendRing.REF_BYTES;
            // Senders put at most a short prefix inline (and the block's last bytes are scratch for the fstat below).
            if (payloadLength < 0 || payloadLength > WireHeader.MAX_PAYLOAD || inlineLength < 0
                    || inlineLength > Math.min(payloadLength, OutboundMessage.INLINE_PREFIX_MAX)
                    || payloadLength - inlineLength > SendRing.SLOT_BYTES) {
                throw WireHeader.malformed("a ring message of " + (WireHeader.SIZE + SendRing.REF_BYTES) + " to "
                        + (WireHeader.SIZE + SendRing.REF_BYTES + OutboundMessage.INLINE_PREFIX_MAX)
                        + " bytes for a payload of up to " + SendRing.SLOT_BYTES + " bytes in the ring",
                        length + " bytes for a payload of " + payloadLength + " bytes");
            }
            inline = (int) inlineLength;
            whole = (int) payloadLength;
            int ringLength = whole - inline;
            int slot = data.getInt(WireHeader.SIZE + inline);
            if (slot < 0 || slot >= SendRing.SLOTS) {
                throw WireHeader.malformed("a ring slot of 0 to " + (SendRing.SLOTS - 1), String.valueOf(slot));
            }
            // A payload without inline bytes for a recipient that wants it after a head of its own: split there.
            boolean split = inline == 0 && into != null && intoHead > 0 && intoHead < ringLength
                    && into.remaining() >= ringLength - intoHead;
            // A recipient without a buffer of its own, and a payload that fits the block: copied there and the block
            // lent, as an inline payload is (the recipient copies what it keeps; nothing is allocated here).
            inBlock = into == null && lend && payloadLength <= NativeMessage.DATA_CAPACITY - WireHeader.SIZE;
            Mapping mapping = acquire(fd, block);
            try {
                // Checked once the ring is mapped, so that a message refused here still frees its slot.
                IpcLimits.current().check(payloadLength, 0);
                int from = SendRing.slotOffset(slot);
                if (split) {
                    data.put(WireHeader.SIZE, mapping.memory, from, intoHead);
                    inline = intoHead;
                    from += intoHead;
                    ringLength -= intoHead;
                }
                if (inBlock) {
                    data.put(WireHeader.SIZE + inline, mapping.memory, from, ringLength);
                    target = null;
                } else {
                    target = into != null && into.remaining() >= ringLength ? into : tails.apply(ringLength);
                    int start = target.position();
                    target.put(start, mapping.memory, from, ringLength);
                    target.limit(start + ringLength);
                }
            } finally {
                SendRing.free(mapping.memory, slot, mapping.freed);
                release(mapping);
            }
        } finally {
            Descriptors.closeQuietly(fd);
        }
        if (inBlock) {
            return block.lendPayload(whole);
        }
        if (inline == 0) {
            return new ReceivedMessage(target, List.of());
        }
        if (lend) {
            return block.lendHead(inline, target);
        }
        byte[] head = new byte[inline];
        block.dataBuffer().get(WireHeader.SIZE, head);
        return ReceivedMessage.withTail(ByteBuffer.wrap(head), target, List.of());
    }

    /** The mapping of the ring {@code fd}, with a use registered: found in the table, or checked and mapped. */
    private static Mapping acquire(int fd, NativeMessage block) throws IpcException {
        LibC libc = Native.libc();
        Pointer stat = block.tailScratch();
        if (libc.fstat(fd, stat) < 0) {
            throw Native.lastError("fstat");
        }
        long device = block.tailScratchLong(Layouts.STAT_DEV);
        long inode = block.tailScratchLong(Layouts.STAT_INO);
        long size = block.tailScratchLong(Layouts.STAT_SIZE_FIELD);
        long now = System.nanoTime();
        synchronized (LOCK) {
            sweep(now);
            for (Mapping mapping : MAPPINGS) {
                if (mapping != null && mapping.device == device && mapping.inode == inode) {
                    mapping.users++;
                    mapping.lastUse = now;
                    return mapping;
                }
            }
            if (memfdDevice < 0) {
                memfdDevice = memfdDevice(block);
            }
            if (device != memfdDevice) {
                throw WireHeader.malformed("a memfd for " + WHAT, "descriptor " + fd + " on another file system "
                        + "(device " + device + ", memfds are on " + memfdDevice + ")");
            }
        }
        if (size != SendRing.SIZE) {
            throw WireHeader.malformed("a memfd for " + WHAT + " of " + SendRing.SIZE + " bytes",
                    "descriptor " + fd + " of " + size + " bytes");
        }
        int seals = libc.fcntl(fd, Linux.F_GET_SEALS, 0);
        int required = Linux.F_SEAL_SHRINK | Linux.F_SEAL_GROW;
        if (seals < 0 || (seals & required) != required || (seals & WRITE_SEALS) != 0) {
            throw WireHeader.malformed("a memfd for " + WHAT + " sealed against shrink and grow (seals 0x"
                    + Integer.toHexString(required) + ") but not against writes", "descriptor " + fd
                    + (seals < 0 ? " that allows no seals" : " with seals 0x" + Integer.toHexString(seals)));
        }
        long address = libc.mmap((Pointer) null, SendRing.SIZE, Linux.PROT_READ | Linux.PROT_WRITE,
                Linux.MAP_SHARED, fd, 0L);
        if (address == Linux.MAP_FAILED) {
            throw Native.lastError("mmap of " + WHAT);
        }
        Mapping made = new Mapping(device, inode, address);
        synchronized (LOCK) {
            made.users = 1;
            made.lastUse = now;
            int free = -1;
            int oldest = -1;
            for (int i = 0; i < MAX_MAPPINGS; i++) {
                Mapping mapping = MAPPINGS[i];
                if (mapping == null) {
                    free = i;
                } else if (mapping.device == device && mapping.inode == inode) {
                    // Another receive mapped the same ring meanwhile: use its mapping, drop ours.
                    mapping.users++;
                    mapping.lastUse = now;
                    made.unmap();
                    return mapping;
                } else if (mapping.users == 0 && (oldest < 0 || mapping.lastUse - MAPPINGS[oldest].lastUse < 0)) {
                    oldest = i;
                }
            }
            if (free < 0 && oldest >= 0) {
                MAPPINGS[oldest].unmap();
                free = oldest;
            }
            if (free >= 0) {
                MAPPINGS[free] = made;
                made.kept = true;
            }
            return made;
        }
    }

    /** Ends a use of {@code mapping}; unmaps it if it was never kept, or its sender closed the ring. */
    private static void release(Mapping mapping) {
        synchronized (LOCK) {
            mapping.users--;
            if (mapping.users == 0 && (!mapping.kept || mapping.closedBySender())) {
                drop(mapping);
            }
        }
    }

    /**
     * Unmaps every kept ring that no receive uses and whose sender closed it, or that carried no message for
     * {@link #IDLE_NANOS}. Under {@link #LOCK}.
     */
    private static void sweep(long now) {
        for (Mapping mapping : MAPPINGS) {
            if (mapping != null && mapping.users == 0
                    && (now - mapping.lastUse > IDLE_NANOS || mapping.closedBySender())) {
                drop(mapping);
            }
        }
    }

    /** Removes {@code mapping} from the table if it is there, and unmaps it. Under {@link #LOCK}. */
    private static void drop(Mapping mapping) {
        for (int i = 0; i < MAX_MAPPINGS; i++) {
            if (MAPPINGS[i] == mapping) {
                MAPPINGS[i] = null;
            }
        }
        mapping.kept = false;
        mapping.unmap();
    }

    /** The device of a memfd of this process's own making: where every ring lives. */
    private static long memfdDevice(NativeMessage block) throws IpcException {
        int probe = Memfds.create(SendRing.MEMFD_NAME);
        try {
            if (Native.libc().fstat(probe, block.tailScratch()) < 0) {
                throw Native.lastError("fstat");
            }
            return block.tailScratchLong(Layouts.STAT_DEV);
        } finally {
            Descriptors.closeQuietly(probe);
        }
    }

    /** Whether the ring {@code fd} is in this process's table; for tests. */
    static boolean isMapped(int fd) throws IpcException {
        NativeMessage block = NativeMessage.take();
        try {
            if (Native.libc().fstat(fd, block.tailScratch()) < 0) {
                throw Native.lastError("fstat");
            }
            long device = block.tailScratchLong(Layouts.STAT_DEV);
            long inode = block.tailScratchLong(Layouts.STAT_INO);
            synchronized (LOCK) {
                for (Mapping mapping : MAPPINGS) {
                    if (mapping != null && mapping.device == device && mapping.inode == inode) {
                        return true;
                    }
                }
                return false;
            }
        } finally {
            block.give();
        }
    }

    /** One mapped ring. Fields other than the final ones are guarded by {@link #LOCK}. */
    private static final class Mapping {
        final long device;
        final long inode;
        final long address;
        final ByteBuffer memory;
        /** The ring's {@link SendRing#FREED_AT} word, for {@code futex}. */
        final Pointer freed;
        int users;
        long lastUse;
        boolean kept;
        private boolean unmapped;

        Mapping(long device, long inode, long address) {
            this.device = device;
            this.inode = inode;
            this.address = address;
            this.memory = MemoryIO.getInstance().newDirectByteBuffer(address, SendRing.SIZE)
                    .order(ByteOrder.nativeOrder());
            this.freed = Pointer.wrap(Native.runtime(), address + SendRing.FREED_AT);
        }

        boolean closedBySender() {
            return (int) SendRing.WORD.getAcquire(memory, SendRing.CLOSED_AT) != 0;
        }

        void unmap() {
            if (!unmapped) {
                unmapped = true;
                Native.libc().munmap(address, SendRing.SIZE);
            }
        }
    }
}
