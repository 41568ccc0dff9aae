package ipc.transport.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.IpcDisconnectedException;
import ipc.api.spi.EndpointPair;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * close() from another thread wakes receives blocked on the receiver, without shutting the socket down, and sends
 * waiting for room on the sender.
 */
@EnabledOnOs(OS.LINUX)
class ChannelCloseWakesTest {

    private static final long WAKE_LIMIT_SECONDS = 5;

    @ParameterizedTest(name = "{0} waiting threads")
    @ValueSource(ints = {1, 3})
    void closeWakesBlockedReceives(int waiters) {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            EndpointPair pair = Channels.pair();
            LinuxReceiver receiver = (LinuxReceiver) pair.receiver();
            try {
                List<CompletableFuture<Object>> outcomes = new java.util.ArrayList<>();
                for (int i = 0; i < waiters; i++) {
                    long timeout = i == 0 ? -1 : TimeUnit.MINUTES.toNanos(10);
                    outcomes.add(receiveInNewThread(receiver, timeout));
                }
                awaitBlocked(receiver, waiters);
                long start = System.nanoTime();
                receiver.close();
                for (CompletableFuture<Object> outcome : outcomes) {
                    Object result = outcome.get(WAKE_LIMIT_SECONDS, TimeUnit.SECONDS);
                    assertInstanceOf(IpcDisconnectedException.class, result, "a woken receive throws");
                }
                System.out.printf("PROBE close woke %d receive(s) in %d us%n", waiters,
                        (System.nanoTime() - start) / 1000);
                assertThrows(IpcDisconnectedException.class, () -> receiver.receive(0), "receive after close");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void closingOneCopyLeavesAnotherCopyOfTheSocketWorking() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            EndpointPair pair = Channels.pair();
            EndpointPair carrier = Channels.pair();
            try {
                carrier.sender().send(java.nio.ByteBuffer.allocate(1), List.of(pair.receiver()));
                LinuxReceiver copy = (LinuxReceiver) ChannelTestSupport.receive(carrier.receiver()).handles().get(0);
                CompletableFuture<Object> blocked = receiveInNewThread((LinuxReceiver) pair.receiver(), -1);
                awaitBlocked((LinuxReceiver) pair.receiver(), 1);
                pair.receiver().close();
                assertInstanceOf(IpcDisconnectedException.class, blocked.get(WAKE_LIMIT_SECONDS, TimeUnit.SECONDS),
                        "the closed copy's receive wakes");
                pair.sender().send(java.nio.ByteBuffer.allocate(2), List.of());
                ChannelTestSupport.drop(copy.receive(TimeUnit.SECONDS.toNanos(5)),
                        "the other copy still receives (no shutdown)");
                copy.close();
            } finally {
                ChannelTestSupport.close(pair);
                ChannelTestSupport.close(carrier);
            }
        });
    }

    @Test
    void interruptEndsAWaitingReceive() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            EndpointPair pair = Channels.pair();
            LinuxReceiver receiver = (LinuxReceiver) pair.receiver();
            try {
                CompletableFuture<Object> outcome = new CompletableFuture<>();
                Thread waiter = new Thread(() -> {
                    try {
                        outcome.complete(receiver.receive(-1));
                    } catch (Exception e) {
                        outcome.complete(e.getMessage() + ", interrupted: " + Thread.currentThread().isInterrupted());
                    }
                }, "interrupted-receive");
                waiter.setDaemon(true);
                waiter.start();
                awaitBlocked(receiver, 1);
                waiter.interrupt();
                assertEquals("Interrupted while waiting for a message, interrupted: true",
                        outcome.get(WAKE_LIMIT_SECONDS, TimeUnit.SECONDS), "the receive ends, the status stays set");
                assertTrue(receiver.isOpen(), "the receiver is still open");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    @Test
    void closeEndsASendWaitingForRoom() {
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            EndpointPair pair = Channels.pair();
            try {
                int queued = fillSocketBuffer((LinuxSender) pair.sender());
                assertTrue(queued > 0, "some datagrams fit before the buffer was full");
                CompletableFuture<Object> blocked = new CompletableFuture<>();
                Thread sender = new Thread(() -> {
                    try {
                        pair.sender().send(java.nio.ByteBuffer.allocate(1), List.of());
                        blocked.complete("sent");
                    } catch (Exception | Error e) {
                        blocked.complete(e);
                    }
                }, "blocked-send");
                sender.setDaemon(true);
                sender.start();
                Thread.sleep(200); // most likely waiting for room by now; closing earlier is fine too
                long start = System.nanoTime();
                pair.sender().close();
                Object outcome = blocked.get(WAKE_LIMIT_SECONDS, TimeUnit.SECONDS);
                assertTrue(outcome instanceof ipc.api.IpcException || outcome instanceof IllegalStateException,
                        "the send fails because the sender was closed: " + outcome);
                System.out.printf("PROBE close ended a waiting send in %d us: %s%n",
                        (System.nanoTime() - start) / 1000, outcome);
                for (int i = 0; i < queued; i++) {
                    ChannelTestSupport.drop(pair.receiver().receive(0), "queued datagram " + i + " still arrives");
                }
                assertThrows(IpcDisconnectedException.class, () -> pair.receiver().receive(-1),
                        "the closed sender was the last one");
            } finally {
                ChannelTestSupport.close(pair);
            }
        });
    }

    /** Sends empty frames without waiting until the socket buffer is full; returns how many fit. */
    private static int fillSocketBuffer(LinuxSender sender) throws ipc.api.IpcException {
        NativeMessage block = NativeMessage.take();
        try {
            int count = 0;
            while (true) {
                WireHeader.write(block.dataBuffer(), WireHeader.TYPE_MESSAGE, (short) 0, 0, 0, 0);
                block.prepareSend(WireHeader.SIZE, 0);
                try {
                    block.sendTo(sender.fd(), Linux.MSG_NOSIGNAL | Linux.MSG_DONTWAIT);
                } catch (ipc.api.IpcException full) {
                    return count;
                }
                count++;
            }
        } finally {
            block.give();
        }
    }

    /** Starts a thread (not a pool's: a 2-CPU pool may run one task at a time) that receives once. */
    private static CompletableFuture<Object> receiveInNewThread(LinuxReceiver receiver, long timeoutNanos) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                outcome.complete(receiver.receive(timeoutNanos));
            } catch (Exception e) {
                outcome.complete(e);
            }
        }, "blocked-receive");
        thread.setDaemon(true);
        thread.start();
        return outcome;
    }

    /** Waits, bounded, until {@code count} threads wait in the receiver's poll (closing earlier works too). */
    private static void awaitBlocked(LinuxReceiver receiver, int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (receiver.waitingThreads() < count) {
            assertTrue(System.nanoTime() < deadline, "receive threads are waiting");
            Thread.sleep(1);
        }
    }
}
