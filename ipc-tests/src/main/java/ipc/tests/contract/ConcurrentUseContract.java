package ipc.tests.contract;

import static ipc.tests.contract.Contracts.awaitDone;
import static ipc.tests.contract.Contracts.inBackground;
import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcChannel;
import ipc.api.IpcDisconnectedException;
import ipc.tests.messages.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** One sender, or one receiver, shared by several threads: both are thread-safe. */
public abstract class ConcurrentUseContract {

    private static final int THREADS = 4;
    private static final int PER_THREAD = 500;

    @Test
    public void threadsSharingOneReceiverGetDistinctWholeMessages() throws Exception {
        try (IpcChannel<Integer> channel = Ipc.channel(Integer.class)) {
            Set<Integer> seen = ConcurrentHashMap.newKeySet();
            List<Integer> duplicates = new ArrayList<>();
            List<CompletableFuture<Void>> receivers = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                receivers.add(inBackground("shared-receiver-" + t, () -> {
                    try {
                        while (true) {
                            Integer value = channel.receiver().recv();
                            if (!seen.add(value)) {
                                synchronized (duplicates) {
                                    duplicates.add(value);
                                }
                            }
                        }
                    } catch (IpcDisconnectedException expected) {
                        // every sender closed and the queue is drained: this thread is done
                    }
                }));
            }
            for (int i = 0; i < THREADS * PER_THREAD; i++) {
                channel.sender().send(i);
            }
            channel.sender().close();
            for (CompletableFuture<Void> receiver : receivers) {
                awaitDone(receiver, "a receiving thread");
            }
            assertEquals(List.of(), duplicates, "no message was received twice");
            assertEquals(THREADS * PER_THREAD, seen.size(), "every message was received by one of the threads");
        }
    }

    @Test
    public void threadsSharingOneSenderKeepTheirOwnOrder() throws Exception {
        try (IpcChannel<Chunk> channel = Ipc.channel(Chunk.class)) {
            List<CompletableFuture<Void>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                senders.add(inBackground("shared-sender-" + t, () -> {
                    for (int seq = 0; seq < PER_THREAD; seq++) {
                        channel.sender().send(Chunk.of(thread, seq, 100 + thread));
                    }
                }));
            }
            int[] next = new int[THREADS];
            for (int i = 0; i < THREADS * PER_THREAD; i++) {
                Chunk chunk = receive(channel.receiver(), "message " + i);
                assertTrue(chunk.isIntact(100 + chunk.sender()), "message " + i + " arrived whole");
                assertEquals(next[chunk.sender()]++, chunk.sequence(), "thread " + chunk.sender() + "'s order");
            }
            for (CompletableFuture<Void> sender : senders) {
                awaitDone(sender, "a sending thread");
            }
        }
    }
}
