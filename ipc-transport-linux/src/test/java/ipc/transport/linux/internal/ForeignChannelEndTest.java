package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.ChannelTestSupport.assertFrame;
import static ipc.transport.linux.internal.ChannelTestSupport.frame;
import static ipc.transport.linux.internal.ChannelTestSupport.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.IpcException;
import ipc.api.spi.ReceivedMessage;
import ipc.api.spi.TransportHandle;
import ipc.transport.linux.internal.HostileFrameTest.TransportKind;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import jnr.constants.platform.Sock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Descriptors a hostile peer sends where a channel end is expected: they are not checked on arrival (see
 * {@link InboundMessage}), so the message arrives, and each fails at its first use with an {@link IpcException}
 * that is not a disconnect; a receiver set refuses them at once; closing them closes the descriptor; the channel
 * they came on goes on.
 */
@EnabledOnOs(OS.LINUX)
class ForeignChannelEndTest {

    private static final Duration LIMIT = Duration.ofSeconds(30);
    private static final long WAIT_NANOS = TimeUnit.SECONDS.toNanos(20);
    /** What the failure of a socket call on a descriptor that is no socket says. */
    private static final String NOT_A_SOCKET = "failed with error(" + Errors.ENOTSOCK + ")";

    @ParameterizedTest(name = "a {0}")
    @ValueSource(strings = {"pipe", "memfd"})
    void aDescriptorThatIsNoSocketArrivesAsASenderAndFailsItsFirstSend(String what) {
        assertTimeoutPreemptively(LIMIT, () -> {
            int before = ChannelTestSupport.openFds();
            int[] pair = Channels.socketPair();
            LinuxReceiver receiver = LinuxReceiver.adopt(pair[1]);
            try {
                int foreign = what.equals("pipe") ? HostileFrameTest.pipeEnd() : HostileFrameTest.memfd(64, true);
                LinuxSender sender = assertInstanceOf(LinuxSender.class,
                        receiveOne(pair[0], receiver, TransportKind.SENDER, foreign), "arrives as a sender");
                try {
                    assertRefused(assertThrows(IpcException.class, () -> sender.send(frame(12, 5), List.of()),
                            "a send on " + what), NOT_A_SOCKET);
                    assertRefused(assertThrows(IpcException.class,
                            () -> sender.send(ByteBuffer.allocate(3), ByteBuffer.allocate(9)),
                            "a bytes send on " + what), NOT_A_SOCKET);
                    assertTrue(sender.isOpen(), "a failed send leaves the handle to its owner");
                } finally {
                    sender.close();
                }
                assertChannelGoesOn(pair[0], receiver);
            } finally {
                receiver.close();
                Descriptors.closeQuietly(pair[0]);
            }
            ChannelTestSupport.assertNoFdLeak(before, "the " + what + " closed with its handle");
        });
    }

    @Test
    void aPipeArrivesAsAReceiverAndFailsEveryReceive() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int before = ChannelTestSupport.openFds();
            int[] pair = Channels.socketPair();
            LinuxReceiver receiver = LinuxReceiver.adopt(pair[1]);
            int[] pipe = readablePipe();
            try {
                LinuxReceiver foreign = assertInstanceOf(LinuxReceiver.class,
                        receiveOne(pair[0], receiver, TransportKind.RECEIVER, pipe[0]), "arrives as a receiver");
                try {
                    for (long timeout : new long[] {-1, 0, TimeUnit.MILLISECONDS.toNanos(5), WAIT_NANOS}) {
                        assertRefused(assertThrows(IpcException.class, () -> foreign.receive(timeout),
                                "a receive with timeout " + timeout), NOT_A_SOCKET);
                    }
                } finally {
                    foreign.close();
                }
                assertChannelGoesOn(pair[0], receiver);
            } finally {
                receiver.close();
                Descriptors.closeQuietly(pair[0]);
                Descriptors.closeQuietly(pipe[1]);
            }
            ChannelTestSupport.assertNoFdLeak(before, "the pipe closed with its handle");
        });
    }

    @Test
    void aDatagramSocketArrivesAsAReceiverAndDeliversOnlyValidatedDatagrams() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int before = ChannelTestSupport.openFds();
            int[] pair = Channels.socketPair();
            LinuxReceiver receiver = LinuxReceiver.adopt(pair[1]);
            int[] datagrams = datagramPair();
            try {
                LinuxReceiver foreign = assertInstanceOf(LinuxReceiver.class,
                        receiveOne(pair[0], receiver, TransportKind.RECEIVER, datagrams[0]), "arrives as a receiver");
                try {
                    HostileFrameTest.sendForged(datagrams[1], (data, fds) -> {
                        data.putLong(0, 0x0102030405060708L);
                        return 10;
                    }, new ArrayList<>());
                    IpcException refused = assertThrows(IpcException.class, () -> foreign.receive(WAIT_NANOS),
                            "garbage on the peer's socket");
                    assertRefused(refused, "expected");
                } finally {
                    foreign.close();
                }
            } finally {
                receiver.close();
                Descriptors.closeQuietly(pair[0]);
                Descriptors.closeQuietly(datagrams[1]);
            }
            ChannelTestSupport.assertNoFdLeak(before, "the datagram socket closed with its handle");
        });
    }

    @ParameterizedTest(name = "a {0}")
    @ValueSource(strings = {"readable pipe", "datagram socket"})
    void aReceiverSetRefusesADescriptorThatIsNoChannelSocket(String what) {
        assertTimeoutPreemptively(LIMIT, () -> {
            int before = ChannelTestSupport.openFds();
            int[] pair = Channels.socketPair();
            LinuxReceiver receiver = LinuxReceiver.adopt(pair[1]);
            int[] other = what.equals("readable pipe") ? readablePipe() : datagramPair();
            ipc.api.spi.EndpointPair valid = Channels.pair();
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                LinuxReceiver foreign = (LinuxReceiver) receiveOne(pair[0], receiver, TransportKind.RECEIVER,
                        other[0]);
                try {
                    IpcException refused = assertThrows(IpcException.class, () -> set.add(1, foreign), what);
                    assertRefused(refused, "SOCK_SEQPACKET");
                    assertTrue(foreign.isOpen(), "a refused receiver stays with its owner");
                } finally {
                    foreign.close();
                }
                set.add(2, valid.receiver());
                assertEquals(List.of(), set.select(0), "nothing is ready");
                SetTestSupport.send(valid.sender(), "after");
                List<ipc.api.spi.SelectionEvent> events = set.select(WAIT_NANOS);
                assertEquals(1, events.size(), "one event: " + events);
                assertEquals("after", SetTestSupport.text(
                        assertInstanceOf(ipc.api.spi.SelectionEvent.Message.class, events.get(0), "a message")
                                .message()), "the set goes on");
            } finally {
                valid.sender().close();
                receiver.close();
                Descriptors.closeQuietly(pair[0]);
                Descriptors.closeQuietly(other[1]);
            }
            ChannelTestSupport.assertNoFdLeak(before, "the " + what + " closed with its handle");
        });
    }

    @Test
    void aForeignSenderForwardedInAMessageFailsAtItsNextUser() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int before = ChannelTestSupport.openFds();
            int[] first = Channels.socketPair();
            LinuxReceiver firstReceiver = LinuxReceiver.adopt(first[1]);
            int[] second = Channels.socketPair();
            LinuxReceiver secondReceiver = LinuxReceiver.adopt(second[1]);
            try {
                TransportHandle foreign = receiveOne(first[0], firstReceiver, TransportKind.SENDER,
                        HostileFrameTest.pipeEnd());
                try {
                    OutboundMessage.send(second[0], null, frame(12, 7), List.of(foreign));
                } finally {
                    foreign.close();
                }
                ReceivedMessage forwarded = secondReceiver.receive(WAIT_NANOS);
                assertNotNull(forwarded, "the forwarded message arrives");
                forwarded.release();
                LinuxSender sender = assertInstanceOf(LinuxSender.class, forwarded.handles().get(0), "a sender");
                try {
                    assertRefused(assertThrows(IpcException.class, () -> sender.send(frame(12, 5), List.of()),
                            "a send on the forwarded pipe"), NOT_A_SOCKET);
                } finally {
                    sender.close();
                }
            } finally {
                firstReceiver.close();
                secondReceiver.close();
                Descriptors.closeQuietly(first[0]);
                Descriptors.closeQuietly(second[0]);
            }
            ChannelTestSupport.assertNoFdLeak(before, "the forwarded pipe closed with its handles");
        });
    }

    /** Sends {@code fd} (closing our copy) as the one handle of a forged message, and returns it as received. */
    static TransportHandle receiveOne(int socket, LinuxReceiver receiver, TransportKind kind, int fd)
            throws IpcException {
        List<Integer> sent = new ArrayList<>();
        try {
            HostileFrameTest.sendForged(socket, (data, fds) -> {
                HostileFrameTest.message(data, (short) 0, 1, 1, 0, kind);
                fds.add(fd);
                return WireHeader.SIZE + 1;
            }, sent);
        } finally {
            HostileFrameTest.closeAll(sent);
        }
        ReceivedMessage message = receiver.receive(WAIT_NANOS);
        assertNotNull(message, "the message arrives");
        message.release();
        assertEquals(1, message.handles().size(), "its one handle");
        return message.handles().get(0);
    }

    private static void assertRefused(IpcException refused, String mentions) {
        assertFalse(refused instanceof IpcDisconnectedException, "not a disconnect: " + refused);
        assertTrue(refused.getMessage().contains(mentions), "mentions '" + mentions + "': " + refused);
    }

    private static void assertChannelGoesOn(int socket, LinuxReceiver receiver) throws IpcException {
        OutboundMessage.send(socket, null, frame(12, 5), List.of());
        assertFrame(receive(receiver).frame(), 12, 5, "the next message on the channel");
    }

    /** A pipe with a byte in it, so its reading end ([0]) is readable; [1] is the writing end. */
    private static int[] readablePipe() throws IpcException {
        int[] pipe = new int[2];
        if (Native.libc().pipe2(pipe, Linux.O_CLOEXEC) < 0) {
            throw Native.lastError("pipe2");
        }
        NativeMessage block = NativeMessage.take();
        try {
            block.data().putByte(0, (byte) 1);
            assertEquals(1, Native.libc().write(pipe[1], block.data(), 1), "a byte written into the pipe");
        } finally {
            block.give();
        }
        return pipe;
    }

    private static int[] datagramPair() throws IpcException {
        int[] pair = new int[2];
        if (Native.libc().socketpair(Linux.AF_UNIX, Sock.SOCK_DGRAM.intValue() | Linux.SOCK_CLOEXEC, 0, pair) < 0) {
            throw Native.lastError("socketpair");
        }
        return pair;
    }
}
