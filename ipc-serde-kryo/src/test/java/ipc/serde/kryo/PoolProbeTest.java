package ipc.serde.kryo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.util.Pool;
import ipc.api.TypeRef;
import ipc.api.spi.MessageCodec;
import ipc.serde.kryo.Messages.Line;
import ipc.serde.kryo.Messages.Point;
import ipc.serde.testsupport.FakeContexts;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Kryo instances are not thread-safe, so each codec keeps a pool. Checks that concurrent calls never see each
 * other's state, and prints (never asserts) what pooling costs next to a message's encoding and a round trip: Kryo's
 * own thread-safe {@code Pool}, which the codec used before its lock-free {@code SlotPool}, for comparison, and the
 * codec's encode and decode, which include the codec's pool.
 */
class PoolProbeTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int THREADS = 8;
    private static final int MESSAGES_PER_THREAD = 20_000;
    private static final int WARM_UP = 100_000;
    private static final int MEASURED = 200_000;
    private static final int ROUNDS = 3;
    private static final int FRESH_KRYOS = 2_000;

    private final KryoSerializer serializer = new KryoSerializer();

    @Test
    void concurrentCallsNeverShareAKryo() throws Exception {
        MessageCodec<Line> codec = serializer.codec(TypeRef.of(Line.class));
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                Callable<Integer> work = () -> {
                    for (int i = 0; i < MESSAGES_PER_THREAD; i++) {
                        Line line = new Line(new Point(thread, i), new Point(i, thread), "t" + thread + "/" + i);
                        assertEquals(line, FakeContexts.decode(codec, FakeContexts.encode(codec, line)),
                                "message " + i + " of thread " + thread);
                    }
                    return MESSAGES_PER_THREAD;
                };
                results.add(pool.submit(work));
            }
            assertTimeoutPreemptively(TIMEOUT, () -> {
                for (Future<Integer> result : results) {
                    assertEquals(MESSAGES_PER_THREAD, result.get(), "every message of every thread round-tripped");
                }
            });
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void probeWhatPoolingCosts() throws Exception {
        probe(false); // the first pass lets the JIT settle on every path
        probe(true);
    }

    private void probe(boolean print) throws Exception {
        Pool<Object> pool = new Pool<>(true, false, 8) {
            @Override
            protected Object create() {
                return new Object();
            }
        };
        long poolNanos = perOperation(() -> pool.free(pool.obtain()));
        long contendedPoolNanos = perOperationOnTwoThreads(() -> pool.free(pool.obtain()));

        MessageCodec<Point> codec = serializer.codec(TypeRef.of(Point.class));
        Point point = new Point(3, 4);
        byte[] payload = FakeContexts.encode(codec, point);
        long encodeNanos = perOperation(() -> codec.encode(point, new FakeContexts.Encoding()));
        FakeContexts.Decoding empty = FakeContexts.Decoding.empty();
        long decodeNanos = perOperation(() -> codec.decode(ByteBuffer.wrap(payload), empty));

        long start = System.nanoTime();
        for (int i = 0; i < FRESH_KRYOS; i++) {
            KryoSerializer.configured(kryo -> { }).codec(TypeRef.of(Point.class));
        }
        long freshCodecNanos = (System.nanoTime() - start) / FRESH_KRYOS;
        start = System.nanoTime();
        for (int i = 0; i < FRESH_KRYOS; i++) {
            new Kryo();
        }
        long freshKryoNanos = (System.nanoTime() - start) / FRESH_KRYOS;

        if (!print) {
            return;
        }
        System.out.printf("[kryo pool probe] obtain+free of Kryo's thread-safe Pool (no longer used), uncontended: %d ns, two "
                + "threads at once: %d ns; encode of a 2-int record (pool included): %d ns; decode: %d ns; "
                + "a new Kryo (the least a call would cost without a pool): %d ns; "
                + "a new serializer's first codec (walk, registrations, fingerprint): %d ns "
                + "(a round trip between processes is 5,000 to 10,000 ns)%n",
                poolNanos, contendedPoolNanos, encodeNanos, decodeNanos, freshKryoNanos, freshCodecNanos);
        System.out.printf("[kryo pool probe] payload of the record: %d bytes (8 of them the type fingerprint)%n",
                payload.length);
    }

    private interface Operation {
        void run() throws Exception;
    }

    /** The best of a few rounds, after a warm-up: the cost itself, without this VM's noise. */
    private static long perOperation(Operation operation) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            operation.run();
        }
        long best = Long.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < MEASURED; i++) {
                operation.run();
            }
            best = Math.min(best, (System.nanoTime() - start) / MEASURED);
        }
        return best;
    }

    /** {@link #perOperation} on two threads at once: the pool under contention. */
    private static long perOperationOnTwoThreads(Operation operation) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            Callable<Long> measure = () -> perOperation(operation);
            Future<Long> first = threads.submit(measure);
            Future<Long> second = threads.submit(measure);
            return assertTimeoutPreemptively(TIMEOUT, () -> Math.max(first.get(), second.get()));
        } finally {
            threads.shutdownNow();
        }
    }
}
