package ipc.transport.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcException;
import ipc.api.spi.EndpointPair;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Prints what a large message costs with the transport (payload inline where it fits, streamed otherwise), with a
 * sealed memfd per message (the transport's hand-over path, and its design before streaming) and with Rust
 * ipc-channel's (fragments over a private socket pair whose receiving end rides in the first datagram; its sender
 * blocks), sender and receiver on two threads; and the transport on one thread, sending then receiving each
 * message (which takes the hand-over path). Asserts nothing about time. {@code -Dipc.probe.scale=N} sends N times more messages.
 */
@EnabledOnOs(OS.LINUX)
class LargeMessageProbeTest {

    private static final int SCALE = Integer.getInteger("ipc.probe.scale", 1);
    private static final int KIB = 1024;
    private static final int MIB = KIB * KIB;
    /** Total bytes moved per size and design, so small sizes run many messages. */
    private static final long VOLUME = 256L * MIB * SCALE;

    @Test
    void printLargeMessageCosts() {
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            ExecutorService pool = Executors.newSingleThreadExecutor();
            try {
                for (int size : new int[] {64 * KIB, 200 * KIB, 256 * KIB, MIB, 16 * MIB, 64 * MIB}) {
                    int count = (int) Math.max(4, Math.min(2000, VOLUME / size));
                    ByteBuffer frame = ChannelTestSupport.frame(size, size);
                    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "PROBE %8d bytes x %4d:", size,
                            count));
                    long handOffs = PayloadStream.handOffs();
                    line.append(figure(size <= OutboundMessage.maxInlinePayload(0) ? "inline" : "streamed", size,
                            count, run(pool, count, frame, Design.TRANSPORT)));
                    line.append(String.format(Locale.ROOT, " (%d handed over)", PayloadStream.handOffs() - handOffs));
                    line.append(figure("memfd", size, count, run(pool, count, frame, Design.MEMFD)));
                    line.append(figure("fragments", size, count, run(pool, count, frame, Design.FRAGMENTS)));
                    System.out.println(line);
                    System.out.println(String.format(Locale.ROOT, "PROBE %8d bytes x %4d, one thread, send then "
                            + "receive (Rust's fragment design cannot: it would deadlock):", size, count)
                            + figure("transport", size, count, oneThread(count, frame)));
                }
            } finally {
                pool.shutdownNow();
            }
        });
    }

    private static String figure(String name, int size, int count, long nanos) {
        double perMessageMicros = nanos / 1000.0 / count;
        double mibPerSecond = (double) size * count / MIB / (nanos / 1e9);
        return String.format(Locale.ROOT, "  %s %8.1f us/msg %7.0f MiB/s", name, perMessageMicros, mibPerSecond);
    }

    enum Design { TRANSPORT, MEMFD, FRAGMENTS }

    /** Sends and receives {@code count} copies of {@code frame} through the SPI on this thread; returns the time. */
    private static long oneThread(int count, ByteBuffer frame) throws Exception {
        EndpointPair pair = Channels.pair();
        try {
            long start = System.nanoTime();
            for (int i = 0; i < count; i++) {
                pair.sender().send(frame, List.of());
                assertEquals(frame.remaining(), ChannelTestSupport.receive(pair.receiver()).frame().remaining(),
                        "message " + i + " length");
            }
            return System.nanoTime() - start;
        } finally {
            ChannelTestSupport.close(pair);
        }
    }

    /** Sends {@code count} copies of {@code frame} from a pool thread, receives them here; returns the time. */
    private static long run(ExecutorService pool, int count, ByteBuffer frame, Design design) throws Exception {
        EndpointPair pair = Channels.pair();
        int sending = ((LinuxSender) pair.sender()).fd();
        int receiving = ((LinuxReceiver) pair.receiver()).fd();
        try {
            long start = System.nanoTime();
            Future<?> sent = pool.submit((Callable<Void>) () -> {
                for (int i = 0; i < count; i++) {
                    switch (design) {
                        case TRANSPORT -> OutboundMessage.send(sending, null, frame, List.of());
                        case MEMFD -> sendMemfd(sending, frame);
                        case FRAGMENTS -> sendFragments(sending, frame);
                    }
                }
                return null;
            });
            for (int i = 0; i < count; i++) {
                int length = switch (design) {
                    case TRANSPORT -> ChannelTestSupport.receive(pair.receiver()).frame().remaining();
                    case MEMFD -> receiveMemfd(receiving);
                    case FRAGMENTS -> receiveFragments(receiving);
                };
                assertEquals(frame.remaining(), length, design + " message " + i + " length");
            }
            sent.get();
            return System.nanoTime() - start;
        } finally {
            ChannelTestSupport.close(pair);
        }
    }

    /** The earlier design: the whole frame in a fresh sealed memfd, mapped and copied out by the receiver. */
    private static void sendMemfd(int socket, ByteBuffer frame) throws IpcException {
        int memfd = Memfds.create(LargePayload.MEMFD_NAME);
        try {
            LargePayload.fill(memfd, frame);
            sendWithFd(socket, frame.remaining(), memfd);
        } finally {
            Descriptors.closeQuietly(memfd);
        }
    }

    private static int receiveMemfd(int socket) throws IpcException {
        int fd = receiveFd(socket);
        try {
            LargePayload.Mapping mapping = LargePayload.map(fd, lastLength);
            try {
                byte[] payload = new byte[mapping.buffer().remaining()];
                LargePayload.copy(mapping.buffer(), ByteBuffer.wrap(payload));
                return payload.length;
            } finally {
                mapping.run();
            }
        } finally {
            Descriptors.closeQuietly(fd);
        }
    }

    /** Rust's design: a private pair, its receiving end in the first datagram, then the fragments on it. */
    private static void sendFragments(int socket, ByteBuffer frame) throws IpcException {
        int[] pair = Channels.socketPair();
        try {
            sendWithFd(socket, frame.remaining(), pair[1]);
            Descriptors.closeQuietly(pair[1]);
            pair[1] = -1;
            NativeMessage block = NativeMessage.take();
            try {
                byte[] bytes = frame.array();
                for (int at = 0; at < bytes.length; at += NativeMessage.DATA_CAPACITY) {
                    int chunk = Math.min(NativeMessage.DATA_CAPACITY, bytes.length - at);
                    block.data().put(0, bytes, at, chunk);
                    block.prepareSend(chunk, 0);
                    assertTrue(block.sendTo(pair[0], Linux.MSG_NOSIGNAL), "fragment sent");
                }
            } finally {
                block.give();
            }
        } finally {
            Descriptors.closeQuietly(pair[0]);
            Descriptors.closeQuietly(pair[1]);
        }
    }

    private static int receiveFragments(int socket) throws IpcException {
        int fd = receiveFd(socket);
        NativeMessage block = NativeMessage.take();
        try {
            byte[] bytes = new byte[(int) lastLength];
            int at = 0;
            while (at < bytes.length) {
                long chunk = block.receiveFrom(fd, 0);
                assertTrue(chunk > 0, "fragment received");
                block.data().get(0, bytes, at, (int) chunk);
                at += (int) chunk;
            }
            return at;
        } finally {
            block.give();
            Descriptors.closeQuietly(fd);
        }
    }

    private static void sendWithFd(int socket, long length, int fd) throws IpcException {
        NativeMessage block = NativeMessage.take();
        try {
            block.data().putLong(0, length);
            block.prepareSend(Long.BYTES, 1);
            block.setFd(0, fd);
            assertTrue(block.sendTo(socket, Linux.MSG_NOSIGNAL), "first datagram sent");
        } finally {
            block.give();
        }
    }

    /** The length the last {@link #receiveFd} read; the probe receives on one thread only. */
    private static long lastLength;

    private static int receiveFd(int socket) throws IpcException {
        NativeMessage block = NativeMessage.take();
        try {
            assertEquals(Long.BYTES, block.receiveFrom(socket, 0), "first datagram");
            lastLength = block.data().getLong(0);
            int[] fds = block.receivedFds();
            assertEquals(1, fds.length, "one descriptor in the first datagram");
            return fds[0];
        } finally {
            block.give();
        }
    }
}
