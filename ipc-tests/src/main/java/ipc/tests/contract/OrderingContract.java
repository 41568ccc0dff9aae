package ipc.tests.contract;

import static ipc.tests.contract.Contracts.TIMEOUT;
import static ipc.tests.contract.Contracts.receive;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ipc.api.Ipc;
import ipc.api.IpcBytesChannel;
import ipc.api.IpcBytesSender;
import ipc.api.IpcChannel;
import ipc.api.IpcSender;
import ipc.tests.messages.Chunk;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Messages from one sender arrive in order; messages of concurrent senders arrive whole, never interleaved. */
public abstract class OrderingContract {

    private static final int THREADS = 4;
    private static final int CHUNKS_PER_THREAD = 4;
    private static final int CHUNK_SIZE = 3 * 1024 * 1024;

    /** A chunk size that differs per sender, so that a chunk spliced from two senders also has a wrong size. */
    private static int sizeOf(int sender) {
        return CHUNK_SIZE + sender * 7;
    }

    @Test
    public void oneSenderKeepsOrder() throws Exception {
        try (IpcChannel<Integer> channel = Ipc.channel(Integer.class)) {
            CompletableFuture<Void> sent = Contracts.inBackground("ordered-sender", () -> {
                for (int i = 0; i < 10_000; i++) {
                    channel.sender().send(i);
                }
            });
            for (int i = 0; i < 10_000; i++) {
                assertEquals(i, receive(channel.receiver(), "message " + i), "message " + i + " in order");
            }
            Contracts.awaitDone(sent, "sending 10 000 messages");
        }
    }

    @Test
    public void concurrentTypedSendersNeverInterleave() throws Exception {
        try (IpcChannel<Chunk> channel = Ipc.channel(Chunk.class)) {
            List<IpcSender<Chunk>> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                senders.add(channel.sender().duplicate());
            }
            runSenders(t -> {
                for (int seq = 0; seq < CHUNKS_PER_THREAD; seq++) {
                    senders.get(t).send(Chunk.of(t, seq, sizeOf(t)));
                }
            }, () -> {
                int[] next = new int[THREADS];
                for (int i = 0; i < THREADS * CHUNKS_PER_THREAD; i++) {
                    Chunk chunk = receive(channel.receiver(), "chunk " + i);
                    assertTrue(chunk.isIntact(sizeOf(chunk.sender())), "chunk " + chunk.sequence() + " of sender "
                            + chunk.sender() + " arrived whole, not interleaved with another");
                    assertEquals(next[chunk.sender()]++, chunk.sequence(), "sender " + chunk.sender() + "'s order");
                }
            });
            senders.forEach(IpcSender::close);
        }
    }

    @Test
    public void concurrentBytesSendersNeverInterleave() throws Exception {
        try (IpcBytesChannel channel = Ipc.bytesChannel()) {
            List<IpcBytesSender> senders = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                senders.add(channel.sender().duplicate());
            }
            runSenders(t -> {
                for (int seq = 0; seq < CHUNKS_PER_THREAD; seq++) {
                    Chunk chunk = Chunk.of(t, seq, sizeOf(t));
                    senders.get(t).send(ByteBuffer.allocate(8 + chunk.data().length)
                            .putInt(t).putInt(seq).put(chunk.data()).flip());
                }
            }, () -> {
                int[] next = new int[THREADS];
                for (int i = 0; i < THREADS * CHUNKS_PER_THREAD; i++) {
                    ByteBuffer message = ByteBuffer.wrap(receive(channel.receiver(), "bytes chunk " + i));
                    int sender = message.getInt();
                    int sequence = message.getInt();
                    byte[] data = new byte[message.remaining()];
                    message.get(data);
                    assertTrue(new Chunk(sender, sequence, data).isIntact(sizeOf(sender)), "bytes chunk " + sequence
                            + " of sender " + sender + " arrived whole");
                    assertEquals(next[sender]++, sequence, "sender " + sender + "'s order");
                }
            });
            senders.forEach(IpcBytesSender::close);
        }
    }

    /** What one sending thread does. */
    @FunctionalInterface
    private interface SenderTask {
        void run(int thread) throws Exception;
    }

    /** What the receiving (test) thread does while the senders run. */
    @FunctionalInterface
    private interface ReceiverTask {
        void run() throws Exception;
    }

    private static void runSenders(SenderTask task, ReceiverTask receive) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    task.run(thread);
                    return null;
                }));
            }
            receive.run();
            for (Future<?> future : futures) {
                future.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "sender threads ended");
        }
    }
}
