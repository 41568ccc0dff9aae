package ipc.transport.linux.internal;

import static ipc.transport.linux.internal.SetTestSupport.WAIT_NANOS;
import static ipc.transport.linux.internal.SetTestSupport.send;
import static ipc.transport.linux.internal.SetTestSupport.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ipc.api.IpcException;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.SelectionEvent;
import ipc.transport.linux.internal.HostileFrameTest.TransportKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Members of a receiver set whose own socket is no usable channel end: a hostile peer sends, as a receiver, an
 * {@code AF_UNIX SOCK_SEQPACKET} socket that passes the type check of {@link EpollReceiverSet#add} but is not
 * connected, so epoll reports it ready for good ({@code EPOLLHUP}, or a pending connection on a listening socket)
 * and every {@code recvmsg} fails with {@code ENOTCONN}. Such a member is reported closed once, removed and closed,
 * and the set then blocks as before: no wake-up without an event. A failure on a socket that merely came in a message
 * leaves the member in the set, and a sequenced-packet socket of another family is refused at {@code add}.
 */
@EnabledOnOs(OS.LINUX)
class ReceiverSetMemberFailureTest {

    private static final Duration LIMIT = Duration.ofSeconds(60);
    /** Long enough for any number of spurious wake-ups to show, short enough to keep the test quick. */
    private static final long QUIET_NANOS = TimeUnit.MILLISECONDS.toNanos(200);
    /** {@code AF_VSOCK}: a family with sequenced-packet sockets, of which Linux builds many kernels with support. */
    private static final int AF_VSOCK = 40;

    @TempDir
    Path directory;

    @ParameterizedTest(name = "an {0} socket")
    @ValueSource(strings = {"unconnected", "listening"})
    void aMemberWhoseSocketRefusesEveryReceiveIsReportedClosedAndTheSetBlocksAgain(String what) {
        assertTimeoutPreemptively(LIMIT, () -> {
            int before = ChannelTestSupport.openFds();
            int[] carrier = Channels.socketPair();
            LinuxReceiver carrierReceiver = LinuxReceiver.adopt(carrier[1]);
            List<Integer> extra = new ArrayList<>();
            EndpointPair valid = Channels.pair();
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                int forged = what.equals("unconnected") ? unconnectedSocket() : listeningSocket(extra);
                LinuxReceiver member = assertInstanceOf(LinuxReceiver.class, ForeignChannelEndTest.receiveOne(
                        carrier[0], carrierReceiver, TransportKind.RECEIVER, forged), "arrives as a receiver");
                set.add(1, valid.receiver());
                set.add(2, member);

                long idle = set.idleWakeups();
                long start = System.nanoTime();
                List<SelectionEvent> events = set.select(WAIT_NANOS);
                long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
                assertEquals(List.of(new SelectionEvent.Closed(2)), events,
                        "the broken member is reported closed (after " + tookMillis + " ms, "
                                + (set.idleWakeups() - idle) + " empty wake-ups)");
                assertEquals(idle, set.idleWakeups(), "no wake-up went by without an event");
                assertFalse(member.isOpen(), "the set closed the broken member");
                assertEquals(1, set.size(), "only the valid member is left");

                assertEquals(List.of(), set.select(QUIET_NANOS), "nothing else is ready");
                assertEquals(idle, set.idleWakeups(), "the select waited without waking up");

                send(valid.sender(), "after");
                SelectionEvent.Message message = assertInstanceOf(SelectionEvent.Message.class,
                        single(set.select(WAIT_NANOS)), "the valid member's message");
                assertEquals(1, message.id(), "from the valid member");
                assertEquals("after", text(message.message()), "the set goes on");
            } finally {
                valid.sender().close();
                carrierReceiver.close();
                Descriptors.closeQuietly(carrier[0]);
                HostileFrameTest.closeAll(extra);
            }
            ChannelTestSupport.assertNoFdLeak(before, "the broken member closed by the set");
        });
    }

    @Test
    void aFailingOverflowSocketInAMessageDropsTheMessageNotTheMember() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int before = ChannelTestSupport.openFds();
            int[] pair = Channels.socketPair();
            LinuxReceiver receiver = LinuxReceiver.adopt(pair[1]);
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                set.add(7, receiver);
                List<Integer> sent = new ArrayList<>();
                try {
                    // Two handles: one inline, the other to be read from the overflow socket, which is not connected:
                    // the receive fails with ENOTCONN on that socket, not on the member's.
                    HostileFrameTest.sendForged(pair[0], (data, fds) -> {
                        HostileFrameTest.message(data, WireHeader.FLAG_HANDLE_OVERFLOW, 2, 2, 0, TransportKind.SENDER,
                                TransportKind.SENDER);
                        fds.add(HostileFrameTest.channelEnd());
                        fds.add(unconnectedSocket());
                        return WireHeader.SIZE + 2;
                    }, sent);
                } finally {
                    HostileFrameTest.closeAll(sent);
                }
                assertEquals(List.of(), set.select(QUIET_NANOS), "the message is dropped");
                assertEquals(1, set.size(), "the member stays");
                assertTrue(receiver.isOpen(), "and stays open");
                OutboundMessage.send(pair[0], null, ChannelTestSupport.frame(12, 5), List.of());
                SelectionEvent.Message message = assertInstanceOf(SelectionEvent.Message.class,
                        single(set.select(WAIT_NANOS)), "the next message");
                assertEquals(7, message.id(), "from the member");
                ChannelTestSupport.assertFrame(message.message().frame(), 12, 5, "the next message on the channel");
                message.message().release();
            } finally {
                Descriptors.closeQuietly(pair[0]);
            }
            ChannelTestSupport.assertNoFdLeak(before, "the forged message's descriptors closed");
        });
    }

    @Test
    void aSequencedPacketSocketOfAnotherFamilyIsRefusedAtAdd() {
        assertTimeoutPreemptively(LIMIT, () -> {
            int vsock = Native.libc().socket(AF_VSOCK, Linux.SOCK_SEQPACKET | Linux.SOCK_CLOEXEC, 0);
            assumeTrue(vsock >= 0, "this kernel offers no AF_VSOCK SOCK_SEQPACKET socket (errno "
                    + Native.errno() + ")");
            int before = ChannelTestSupport.openFds();
            int[] carrier = Channels.socketPair();
            LinuxReceiver carrierReceiver = LinuxReceiver.adopt(carrier[1]);
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                LinuxReceiver foreign = (LinuxReceiver) ForeignChannelEndTest.receiveOne(carrier[0], carrierReceiver,
                        TransportKind.RECEIVER, vsock);
                try {
                    IpcException refused = assertThrows(IpcException.class, () -> set.add(1, foreign), "a vsock");
                    assertTrue(refused.getMessage().contains("address family " + AF_VSOCK), "names the family: "
                            + refused.getMessage());
                    assertTrue(foreign.isOpen(), "a refused receiver stays with its owner");
                    assertEquals(0, set.size(), "not added");
                } finally {
                    foreign.close();
                }
            } finally {
                carrierReceiver.close();
                Descriptors.closeQuietly(carrier[0]);
            }
            // The vsock was counted in "before" and closed with its handle since.
            ChannelTestSupport.assertNoFdLeak(before - 1, "the vsock closed with its handle");
        });
    }

    @Test
    void onlyAShortageOfKernelMemoryIsAPassingReceiveFailure() {
        for (int errno : new int[] {Errors.ENOMEM, Errors.ENOBUFS, Errors.EINTR, Errors.EAGAIN}) {
            assertFalse(SocketReceiveException.lasting(errno), "errno " + errno + " passes");
        }
        for (int errno : new int[] {Errors.ENOTCONN, Errors.EINVAL, Errors.EBADF, Errors.ENOTSOCK}) {
            assertTrue(SocketReceiveException.lasting(errno), "errno " + errno + " lasts");
        }
        assertInstanceOf(ipc.api.IpcDisconnectedException.class, SocketReceiveException.of(3, Errors.ECONNRESET),
                "a reset is a disconnect");
        SocketReceiveException refused = assertInstanceOf(SocketReceiveException.class,
                SocketReceiveException.of(3, Errors.ENOTCONN), "ENOTCONN");
        assertEquals(3, refused.socket(), "the socket");
        assertTrue(refused.lasting(), "ENOTCONN lasts");
    }

    private static SelectionEvent single(List<SelectionEvent> events) {
        assertEquals(1, events.size(), "one event: " + events);
        return events.get(0);
    }

    /** A fresh {@code AF_UNIX SOCK_SEQPACKET} socket, never connected: epoll reports it hung up. */
    private static int unconnectedSocket() throws IpcException {
        int fd = Native.libc().socket(Linux.AF_UNIX, Linux.SOCK_SEQPACKET | Linux.SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw Native.lastError("socket");
        }
        return fd;
    }

    /**
     * A listening {@code AF_UNIX SOCK_SEQPACKET} socket with a connection pending, so epoll reports it readable; the
     * connecting socket goes to {@code extra}.
     */
    private int listeningSocket(List<Integer> extra) throws IpcException {
        Path file = directory.resolve("listening.sock");
        UnixSocketAddress address = UnixSocketAddress.of(file);
        int fd = unconnectedSocket();
        if (Native.libc().bind(fd, address.pointer(), address.length()) < 0
                || Native.libc().listen(fd, 4) < 0) {
            IpcException e = Native.lastError("bind/listen");
            Descriptors.closeQuietly(fd);
            throw e;
        }
        extra.add(OneShotClient.connect(file, "a listening socket"));
        return fd;
    }
}
