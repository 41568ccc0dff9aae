package ipc.transport.linux.internal;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.spi.EndpointPair;
import ipc.api.spi.ReceivedMessage;
import ipc.transport.linux.ffi.LibC;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import jnr.ffi.Memory;
import jnr.ffi.Pointer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Prints the cost of small messages; asserts nothing about time (the VM is noisy). Compare with the figures of
 * plain C and raw jnr calls measured on the same machine. {@code -Dipc.probe.rounds=N} runs longer.
 */
@EnabledOnOs(OS.LINUX)
class ChannelTimingProbeTest {

    private static final int ROUNDS = Integer.getInteger("ipc.probe.rounds", 20_000);
    private static final int BATCHES = 5;
    private static final int SMALL = 8;

    @Test
    void printMemoryAccessor() {
        System.out.println("PROBE memory accessor " + com.kenai.jffi.MemoryIO.getInstance().getClass().getName()
                + ", jdk.unsupported in boot layer: " + ModuleLayer.boot().findModule("jdk.unsupported").isPresent());
    }

    @Test
    void printSmallMessageCosts() {
        assertTimeoutPreemptively(Duration.ofMinutes(2), () -> {
            EndpointPair ping = Channels.pair();
            EndpointPair pong = Channels.pair();
            try {
                report("SPI send+receive, same thread, 8 bytes", sameThread(ping));
                report("raw blocking sendmsg+recvmsg, same thread, 8 bytes", rawSameThread(ping));
                report("SPI round trip, 2 threads, 8 bytes", roundTrip(ping, pong));
                report("raw blocking round trip, 2 threads, 8 bytes", rawRoundTrip(ping, pong, Wait.BLOCKING));
                report("raw try, then poll, round trip, 2 threads, 8 bytes", rawRoundTrip(ping, pong, Wait.TRY_FIRST));
                report("raw poll, then recvmsg, round trip, 2 threads, 8 bytes",
                        rawRoundTrip(ping, pong, Wait.POLL_FIRST));
            } finally {
                ChannelTestSupport.close(ping);
                ChannelTestSupport.close(pong);
            }
        });
    }

    private static long[] sameThread(EndpointPair pair) throws Exception {
        ByteBuffer frame = ByteBuffer.allocate(SMALL);
        long[] medians = new long[BATCHES];
        for (int batch = 0; batch < BATCHES; batch++) {
            long start = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                pair.sender().send(frame, List.of());
                ChannelTestSupport.drop(pair.receiver().receive(0), "queued message");
            }
            medians[batch] = (System.nanoTime() - start) / ROUNDS;
        }
        return medians;
    }

    private static long[] rawSameThread(EndpointPair pair) {
        LinuxSender sender = (LinuxSender) pair.sender();
        LinuxReceiver receiver = (LinuxReceiver) pair.receiver();
        NativeMessage block = NativeMessage.take();
        LibC libc = Native.libc();
        long[] medians = new long[BATCHES];
        for (int batch = 0; batch < BATCHES; batch++) {
            long start = System.nanoTime();
            for (int i = 0; i < ROUNDS; i++) {
                block.prepareSend(SMALL, 0);
                libc.sendmsg(sender.fd(), block.msghdr(), Linux.MSG_NOSIGNAL);
                block.prepareReceive();
                libc.recvmsg(receiver.fd(), block.msghdr(), Linux.MSG_CMSG_CLOEXEC);
            }
            medians[batch] = (System.nanoTime() - start) / ROUNDS;
        }
        block.give();
        return medians;
    }

    private static long[] roundTrip(EndpointPair ping, EndpointPair pong) throws Exception {
        Thread echo = new Thread(() -> {
            try {
                while (true) {
                    ReceivedMessage message = ping.receiver().receive(-1);
                    pong.sender().send(message.frame(), List.of());
                    boolean last = message.frame().remaining() == 0;
                    message.release();
                    if (last) {
                        return;
                    }
                }
            } catch (Exception stop) {
                // the probe closed the channel
            }
        });
        ByteBuffer frame = ByteBuffer.allocate(SMALL);
        long[] medians = new long[BATCHES];
        echo.start();
        try {
            for (int batch = 0; batch < BATCHES; batch++) {
                long start = System.nanoTime();
                for (int i = 0; i < ROUNDS / 4; i++) {
                    ping.sender().send(frame, List.of());
                    pong.receiver().receive(-1).release();
                }
                medians[batch] = (System.nanoTime() - start) / (ROUNDS / 4);
            }
        } finally {
            ping.sender().send(ByteBuffer.allocate(0), List.of()); // the echo sends it back and stops
            pong.receiver().receive(TimeUnit.SECONDS.toNanos(5));
            echo.join();
        }
        return medians;
    }

    /** How the raw round trip waits for the next datagram. */
    enum Wait { BLOCKING, TRY_FIRST, POLL_FIRST }

    /** Receives one datagram into {@code block} the way {@code wait} says; {@code pollfds} has 2 entries. */
    private static long rawReceive(LibC libc, int fd, NativeMessage block, Wait wait, Pointer pollfds) {
        if (wait == Wait.BLOCKING) {
            block.prepareReceive();
            return libc.recvmsg(fd, block.msghdr(), Linux.MSG_CMSG_CLOEXEC);
        }
        if (wait == Wait.TRY_FIRST) {
            block.prepareReceive();
            long length = libc.recvmsg(fd, block.msghdr(), Linux.MSG_CMSG_CLOEXEC | Linux.MSG_DONTWAIT);
            if (length >= 0) {
                return length;
            }
        }
        while (true) {
            libc.poll(pollfds, 2, -1);
            block.prepareReceive();
            long length = libc.recvmsg(fd, block.msghdr(), Linux.MSG_CMSG_CLOEXEC | Linux.MSG_DONTWAIT);
            if (length >= 0) {
                return length;
            }
        }
    }

    private static Pointer pollfds(int fd, int eventfd) {
        Pointer pollfds = Memory.allocateDirect(Native.runtime(), 2 * Layouts.POLLFD_SIZE);
        pollfds.putInt(Layouts.POLLFD_FD, fd);
        pollfds.putShort(Layouts.POLLFD_EVENTS, Linux.POLLIN);
        pollfds.putInt(Layouts.POLLFD_SIZE + Layouts.POLLFD_FD, eventfd);
        pollfds.putShort(Layouts.POLLFD_SIZE + Layouts.POLLFD_EVENTS, Linux.POLLIN);
        return pollfds;
    }

    private static long[] rawRoundTrip(EndpointPair ping, EndpointPair pong, Wait wait) throws Exception {
        int eventfd = Native.libc().eventfd(0, Linux.EFD_CLOEXEC | Linux.EFD_NONBLOCK);
        int pingSend = ((LinuxSender) ping.sender()).fd();
        int pingReceive = ((LinuxReceiver) ping.receiver()).fd();
        int pongSend = ((LinuxSender) pong.sender()).fd();
        int pongReceive = ((LinuxReceiver) pong.receiver()).fd();
        int rounds = ROUNDS / 4;
        Thread echo = new Thread(() -> {
            NativeMessage block = NativeMessage.take();
            LibC libc = Native.libc();
            Pointer pollfds = pollfds(pingReceive, eventfd);
            for (int i = 0; i < rounds * BATCHES; i++) {
                long length = rawReceive(libc, pingReceive, block, wait, pollfds);
                block.prepareSend((int) length, 0);
                libc.sendmsg(pongSend, block.msghdr(), Linux.MSG_NOSIGNAL);
            }
            block.give();
        });
        echo.start();
        NativeMessage block = NativeMessage.take();
        LibC libc = Native.libc();
        Pointer pollfds = pollfds(pongReceive, eventfd);
        long[] medians = new long[BATCHES];
        for (int batch = 0; batch < BATCHES; batch++) {
            long start = System.nanoTime();
            for (int i = 0; i < rounds; i++) {
                block.prepareSend(SMALL, 0);
                libc.sendmsg(pingSend, block.msghdr(), Linux.MSG_NOSIGNAL);
                rawReceive(libc, pongReceive, block, wait, pollfds);
            }
            medians[batch] = (System.nanoTime() - start) / rounds;
        }
        block.give();
        echo.join();
        libc.close(eventfd);
        return medians;
    }

    private static void report(String what, long[] perBatch) {
        long[] sorted = perBatch.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "PROBE %-55s median %6d ns  (batches %s)%n", what, sorted[sorted.length / 2],
                Arrays.toString(perBatch));
    }
}
