package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static ipc.transport.linux.internal.ChannelTestSupport.receive;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import jnr.constants.platform.Sock;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Datagrams a hostile or broken peer writes with raw libc calls on the sending socket: each is refused with an
 * {@link IpcException} that says what was expected, every descriptor that came with it is closed, and the channel
 * delivers the next valid message. Channel ends of the wrong kind are accepted on arrival and refused at their first
 * use: {@link ForeignChannelEndTest}.
 */
@EnabledOnOs(OS.LINUX)
class HostileFrameTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);

    /** A forged datagram: writes its bytes into {@code data}, returns their count, collects the fds to attach. */
    interface Forgery {
        int write(ByteBuffer data, List<Integer> fds) throws IpcException;
    }

    record Case(String name, Forgery forgery) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() {
        return Stream.of(
                new Case("bad magic", (data, fds) -> {
                    message(data, (short) 0, 1, 1, 0, TransportKind.SENDER);
                    data.putInt(WireHeader.MAGIC_OFFSET, 0xdeadbeef);
                    fds.add(channelEnd());
                    return WireHeader.SIZE + 1;
                }),
                new Case("unknown version", (data, fds) -> {
                    message(data, (short) 0, 0, 0, 0);
                    data.put(WireHeader.VERSION_OFFSET, (byte) 99);
                    return WireHeader.SIZE;
                }),
                new Case("shorter than a header, with a descriptor", (data, fds) -> {
                    data.putLong(0, 0x0102030405060708L);
                    fds.add(pipeEnd());
                    return 10;
                }),
                new Case("payload longer than declared", (data, fds) -> {
                    message(data, (short) 0, 0, 0, 10);
                    return WireHeader.SIZE + 50;
                }),
                new Case("payload shorter than declared", (data, fds) -> {
                    message(data, (short) 0, 0, 0, 100);
                    return WireHeader.SIZE + 50;
                }),
                new Case("huge declared payload", (data, fds) -> {
                    message(data, (short) 0, 0, 0, Long.MAX_VALUE);
                    return WireHeader.SIZE;
                }),
                new Case("negative handle count", (data, fds) -> {
                    message(data, (short) 0, -5, 0, 0);
                    return WireHeader.SIZE;
                }),
                new Case("fewer descriptors than declared", (data, fds) -> {
                    message(data, (short) 0, 2, 2, 0, TransportKind.SENDER, TransportKind.SENDER);
                    fds.add(channelEnd());
                    return WireHeader.SIZE + 2;
                }),
                new Case("more descriptors than declared", (data, fds) -> {
                    message(data, (short) 0, 1, 1, 0, TransportKind.RECEIVER);
                    fds.add(channelEnd());
                    fds.add(channelEnd());
                    fds.add(pipeEnd());
                    return WireHeader.SIZE + 1;
                }),
                new Case("descriptors but no handles declared", (data, fds) -> {
                    message(data, (short) 0, 0, 0, 0);
                    fds.add(pipeEnd());
                    return WireHeader.SIZE;
                }),
                new Case("an unknown handle kind", (data, fds) -> {
                    message(data, (short) 0, 1, 1, 0);
                    data.put(WireHeader.SIZE, (byte) 9);
                    fds.add(channelEnd());
                    return WireHeader.SIZE + 1;
                }),
                new Case("a sealed memfd smaller than the rest of a streamed payload", (data, fds) -> {
                    message(data, WireHeader.FLAG_PAYLOAD_STREAMED, 0, 2, 8192);
                    fds.add(channelEnd());
                    fds.add(memfd(4096, true));
                    return WireHeader.SIZE;
                }),
                new Case("a pipe as the payload stream", (data, fds) -> {
                    message(data, WireHeader.FLAG_PAYLOAD_STREAMED, 1, 3, 4096, TransportKind.SENDER);
                    fds.add(channelEnd());
                    fds.add(pipeEnd());
                    fds.add(memfd(4096, true));
                    return WireHeader.SIZE + 1;
                }),
                new Case("a streamed payload without its memfd", (data, fds) -> {
                    message(data, WireHeader.FLAG_PAYLOAD_STREAMED, 0, 1, 4096);
                    fds.add(channelEnd());
                    return WireHeader.SIZE;
                }),
                new Case("a streamed payload whose inline part exceeds its length", (data, fds) -> {
                    message(data, WireHeader.FLAG_PAYLOAD_STREAMED, 0, 2, 4);
                    fds.add(channelEnd());
                    fds.add(memfd(4096, true));
                    return WireHeader.SIZE + 10;
                }),
                new Case("an unsealed memfd as shared memory", (data, fds) -> {
                    message(data, (short) 0, 2, 2, 0, TransportKind.SENDER, TransportKind.SHARED_MEMORY);
                    fds.add(channelEnd());
                    fds.add(memfd(4096, false));
                    return WireHeader.SIZE + 2;
                }),
                new Case("an empty handle overflow", (data, fds) -> {
                    message(data, WireHeader.FLAG_HANDLE_OVERFLOW, 3, 2, 0, TransportKind.SENDER,
                            TransportKind.SENDER, TransportKind.SENDER);
                    fds.add(channelEnd());
                    fds.add(channelEnd()); // an overflow socket with nothing in it
                    return WireHeader.SIZE + 3;
                }),
                new Case("a pipe as the handle overflow", (data, fds) -> {
                    message(data, WireHeader.FLAG_HANDLE_OVERFLOW, 2, 2, 0, TransportKind.SENDER,
                            TransportKind.SENDER);
                    fds.add(channelEnd());
                    fds.add(pipeEnd());
                    return WireHeader.SIZE + 2;
                }),
                new Case("unknown flags", (data, fds) -> {
                    message(data, (short) 0x40, 0, 0, 0);
                    return WireHeader.SIZE;
                }),
                new Case("an overflow datagram on the channel itself", (data, fds) -> {
                    WireHeader.write(data, WireHeader.TYPE_OVERFLOW, (short) 0, 1, 1, 0);
                    fds.add(channelEnd());
                    return WireHeader.SIZE;
                }),
                new Case("an unsealed ring", (data, fds) -> {
                    fds.add(ring(SendRing.SIZE, 0));
                    return ringMessage(data, 40_000, 0);
                }),
                new Case("a ring of the wrong size", (data, fds) -> {
                    fds.add(ring(SendRing.SIZE - 4096, RING_SEALS));
                    return ringMessage(data, 40_000, 0);
                }),
                new Case("a ring sealed against writes", (data, fds) -> {
                    fds.add(ring(SendRing.SIZE, RING_SEALS | Linux.F_SEAL_WRITE));
                    return ringMessage(data, 40_000, 0);
                }),
                new Case("a pipe as the ring", (data, fds) -> {
                    fds.add(pipeEnd());
                    return ringMessage(data, 40_000, 0);
                }),
                new Case("a ring slot past the last", (data, fds) -> {
                    fds.add(ring(SendRing.SIZE, RING_SEALS));
                    return ringMessage(data, 40_000, SendRing.SLOTS);
                }),
                new Case("a negative ring slot", (data, fds) -> {
                    fds.add(ring(SendRing.SIZE, RING_SEALS));
                    return ringMessage(data, 40_000, -1);
                }),
                new Case("a ring payload larger than a slot", (data, fds) -> {
                    fds.add(ring(SendRing.SIZE, RING_SEALS));
                    return ringMessage(data, SendRing.SLOT_BYTES + 1, 0);
                }),
                new Case("a ring message whose inline part exceeds its payload", (data, fds) -> {
                    fds.add(ring(SendRing.SIZE, RING_SEALS));
                    message(data, WireHeader.FLAG_PAYLOAD_RING, 0, 1, 4);
                    return WireHeader.SIZE + 10 + SendRing.REF_BYTES;
                }),
                new Case("a ring message with more inline bytes than a prefix", (data, fds) -> {
                    fds.add(ring(SendRing.SIZE, RING_SEALS));
                    int inline = OutboundMessage.INLINE_PREFIX_MAX + 1;
                    message(data, WireHeader.FLAG_PAYLOAD_RING, 0, 1, inline + 40_000);
                    data.putInt(WireHeader.SIZE + inline, 0);
                    return WireHeader.SIZE + inline + SendRing.REF_BYTES;
                }),
                new Case("a ring message with a handle", (data, fds) -> {
                    message(data, WireHeader.FLAG_PAYLOAD_RING, 1, 2, 40_000, TransportKind.SENDER);
                    data.putInt(WireHeader.SIZE + 1, 0);
                    fds.add(channelEnd());
                    fds.add(ring(SendRing.SIZE, RING_SEALS));
                    return WireHeader.SIZE + 1 + SendRing.REF_BYTES;
                }),
                new Case("a ring message without its ring", (data, fds) -> ringMessage(data, 40_000, 0)),
                new Case("an empty datagram", (data, fds) -> 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void refusedWithEveryDescriptorClosedAndTheChannelStillUsable(Case hostile) {
        assertTimeoutPreemptively(LIMIT, () -> {
            int before = ChannelTestSupport.openFds();
            int[] pair = Channels.socketPair();
            LinuxReceiver receiver = LinuxReceiver.adopt(pair[1]);
            List<Integer> sent = new ArrayList<>();
            try {
                sendForged(pair[0], hostile.forgery(), sent);
                closeAll(sent); // our copies; the receiver must close its own
                IpcException refused = assertThrows(IpcException.class, () -> receiver.receive(-1), hostile.name());
                assertFalse(refused instanceof IpcDisconnectedException, "not a disconnect: " + refused);
                assertTrue(refused.getMessage().toLowerCase(java.util.Locale.ROOT).contains("expected"),
                        "says what was expected: " + refused);
                OutboundMessage.send(pair[0], null, frame(12, 5), List.of());
                assertFrame(receive(receiver).frame(), 12, 5, "the next valid message after " + hostile.name());
            } finally {
                closeAll(sent);
                receiver.close();
                Descriptors.closeQuietly(pair[0]);
            }
            ChannelTestSupport.assertNoFdLeak(before, hostile.name() + ": every received descriptor closed");
        });
    }

    @Test
    void aDatagramLargerThanTheReceiveBufferIsRefused() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int before = ChannelTestSupport.openFds();
            int[] pair = Channels.socketPair();
            LinuxReceiver receiver = LinuxReceiver.adopt(pair[1]);
            int bigger = NativeMessage.DATA_CAPACITY * 2;
            Pointer big = Memory.allocateDirect(Native.runtime(), bigger);
            Pointer size = Memory.allocateDirect(Native.runtime(), Integer.BYTES);
            size.putInt(0, bigger * 2);
            Native.libc().setsockopt(pair[0], Linux.SOL_SOCKET, Linux.SO_SNDBUF, size, Integer.BYTES);
            Pointer iov = Memory.allocateDirect(Native.runtime(), Layouts.IOVEC_SIZE);
            iov.putAddress(Layouts.IOVEC_BASE, big.address());
            iov.putLong(Layouts.IOVEC_LEN, bigger);
            Pointer msghdr = Memory.allocateDirect(Native.runtime(), Layouts.MSGHDR_SIZE, true);
            msghdr.putAddress(Layouts.MSGHDR_IOV, iov.address());
            msghdr.putLong(Layouts.MSGHDR_IOVLEN, 1);
            try {
                Assumptions.assumeTrue(Native.libc().sendmsg(pair[0], msghdr, Linux.MSG_NOSIGNAL) == bigger,
                        "this system lets SO_SNDBUF grow past one datagram (net.core.wmem_max)");
                IpcException refused = assertThrows(IpcException.class, () -> receiver.receive(-1), "oversized");
                assertTrue(refused.getMessage().contains("truncated"), "says it was truncated: " + refused);
                OutboundMessage.send(pair[0], null, frame(12, 6), List.of());
                assertFrame(receive(receiver).frame(), 12, 6, "the next valid message");
            } finally {
                receiver.close();
                Descriptors.closeQuietly(pair[0]);
            }
            ChannelTestSupport.assertNoFdLeak(before, "oversized datagram");
        });
    }

    static void sendForged(int socket, Forgery forgery, List<Integer> fds) throws IpcException {
        NativeMessage block = NativeMessage.take();
        try {
            int length = forgery.write(block.dataBuffer(), fds);
            block.prepareSend(length, fds.size());
            for (int i = 0; i < fds.size(); i++) {
                block.setFd(i, fds.get(i));
            }
            assertTrue(block.sendTo(socket, Linux.MSG_NOSIGNAL), "forged datagram sent");
        } finally {
            block.give();
        }
    }

    /** Handle kinds as the sender writes them. */
    enum TransportKind {
        SENDER, RECEIVER, SHARED_MEMORY;

        byte code() {
            return WireHeader.kindCode(ipc.api.spi.TransportHandle.Kind.valueOf(name()));
        }
    }

    static void message(ByteBuffer data, short flags, int handles, int fds, long payload,
            TransportKind... kinds) {
        WireHeader.write(data, WireHeader.TYPE_MESSAGE, flags, handles, fds, payload);
        for (int i = 0; i < kinds.length; i++) {
            data.put(WireHeader.SIZE + i, kinds[i].code());
        }
    }

    /** One end of a fresh channel socket pair; the other end is closed. */
    static int channelEnd() throws IpcException {
        int[] pair = Channels.socketPair();
        Descriptors.closeQuietly(pair[1]);
        return pair[0];
    }

    static int pipeEnd() throws IpcException {
        int[] pipe = new int[2];
        if (Native.libc().pipe2(pipe, Linux.O_CLOEXEC) < 0) {
            throw Native.lastError("pipe2");
        }
        Descriptors.closeQuietly(pipe[1]);
        return pipe[0];
    }

    static int datagramSocket() throws IpcException {
        int[] pair = new int[2];
        if (Native.libc().socketpair(Linux.AF_UNIX, Sock.SOCK_DGRAM.intValue() | Linux.SOCK_CLOEXEC, 0, pair) < 0) {
            throw Native.lastError("socketpair");
        }
        Descriptors.closeQuietly(pair[1]);
        return pair[0];
    }

    static int memfd(int length, boolean sealed) throws IpcException {
        int fd = Memfds.create("hostile");
        Memfds.resize(fd, length);
        if (sealed) {
            Memfds.seal(fd);
        }
        return fd;
    }

    /** The seals a sender's ring carries. */
    static final int RING_SEALS = SendRing.SEALS;

    /** A ring message: header, no inline bytes, the slot number; the ring is attached by the caller. */
    static int ringMessage(ByteBuffer data, long payload, int slot) {
        message(data, WireHeader.FLAG_PAYLOAD_RING, 0, 1, payload);
        data.putInt(WireHeader.SIZE, slot);
        return WireHeader.SIZE + SendRing.REF_BYTES;
    }

    /** A memfd of {@code length} bytes with {@code seals} (0 for none). */
    static int ring(int length, int seals) throws IpcException {
        int fd = Memfds.create("hostile-ring");
        Memfds.resize(fd, length);
        if (seals != 0 && Native.libc().fcntl(fd, Linux.F_ADD_SEALS, seals) < 0) {
            throw Native.lastError("fcntl(F_ADD_SEALS)");
        }
        return fd;
    }

    static void closeAll(List<Integer> fds) {
        fds.forEach(Descriptors::closeQuietly);
        fds.clear();
    }
}
