package ipc.transport.linux.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import ipc.api.IpcException;
import ipc.api.spi.EndpointPair;
import ipc.api.spi.SelectionEvent;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

/**
 * Prints what a select over 64 receivers costs with all, one or none of them ready, next to the same 64
 * non-blocking receives made without a set. Figures only: nothing here asserts a duration (the machine may be
 * busy). Each scenario runs in its own loop (mixing them in one loop skews the small ones).
 */
@EnabledOnOs(OS.LINUX)
class EpollReceiverSetFiguresTest {

    private static final int RECEIVERS = 64;
    private static final int WARM_UP = 1000;
    private static final int ROUNDS = 3000;
    private static final int PAYLOAD = 16;
    private static final double NANOS_PER_MICRO = 1000.0;

    /** One measured operation, after {@code prepare} (not measured). */
    private interface Step {
        void run(int round) throws IpcException;
    }

    @Test
    void selectOverSixtyFourReceivers() {
        assertTimeoutPreemptively(Duration.ofSeconds(120), () -> {
            List<EndpointPair> pairs = pairs();
            try (EpollReceiverSet set = new EpollReceiverSet()) {
                for (int i = 0; i < RECEIVERS; i++) {
                    set.add(i, pairs.get(i).receiver());
                }
                report("select(0), 64 of 64 ready", RECEIVERS, measure(
                        round -> sendToAll(pairs),
                        round -> assertEquals(RECEIVERS, released(set.select(0)), "one event per ready receiver")));
                report("select(0), 1 of 64 ready", 1, measure(
                        round -> send(pairs.get(round & (RECEIVERS - 1))),
                        round -> assertEquals(1, released(set.select(0)), "one ready receiver")));
                report("select(0), 0 of 64 ready", 1, measure(
                        round -> { },
                        round -> assertEquals(0, set.select(0).size(), "nothing ready")));
            } finally {
                pairs.forEach(pair -> pair.sender().close());
            }
            List<EndpointPair> direct = pairs();
            report("64 x receive(0), no set (baseline)", RECEIVERS, measure(
                    round -> sendToAll(direct),
                    round -> {
                        for (EndpointPair pair : direct) {
                            ChannelTestSupport.drop(pair.receiver().receive(0), "a queued message");
                        }
                    }));
            direct.forEach(pair -> {
                pair.sender().close();
                pair.receiver().close();
            });
        });
    }

    private static long[] measure(Step prepare, Step step) throws IpcException {
        long[] nanos = new long[ROUNDS];
        for (int round = -WARM_UP; round < ROUNDS; round++) {
            prepare.run(round);
            long start = System.nanoTime();
            step.run(round);
            long elapsed = System.nanoTime() - start;
            if (round >= 0) {
                nanos[round] = elapsed;
            }
        }
        return nanos;
    }

    private static List<EndpointPair> pairs() throws IpcException {
        List<EndpointPair> pairs = new ArrayList<>();
        for (int i = 0; i < RECEIVERS; i++) {
            pairs.add(Channels.pair());
        }
        return pairs;
    }

    private static void sendToAll(List<EndpointPair> pairs) throws IpcException {
        for (EndpointPair pair : pairs) {
            send(pair);
        }
    }

    private static void send(EndpointPair pair) throws IpcException {
        pair.sender().send(ByteBuffer.allocate(PAYLOAD), List.of());
    }

    private static void report(String what, int events, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        long median = sorted[sorted.length / 2];
        long p90 = sorted[sorted.length * 9 / 10];
        System.out.printf("%s (Java %s): median %.1f us, p90 %.1f us, %.0f ns per event%n", what,
                System.getProperty("java.version"), median / NANOS_PER_MICRO, p90 / NANOS_PER_MICRO,
                (double) median / events);
    }

    /** Gives the messages' frames back to the transport, as the API does after decoding; returns how many. */
    private static int released(List<SelectionEvent> events) {
        for (SelectionEvent event : events) {
            if (event instanceof SelectionEvent.Message message) {
                message.message().release();
            }
        }
        return events.size();
    }
}
