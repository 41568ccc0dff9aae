package ipc.soak;

import ipc.soak.ResourceSampler.Comparison;
import java.nio.file.Path;
import java.util.List;

/**
 * What a soak run did and found.
 *
 * @param options the run's settings
 * @param runNanos how long workers exchanged data (the set duration)
 * @param totalNanos the whole run, with the start-up (until every worker has connected once) and the shutdown
 * @param stats the coordinator's traffic (every data message has the coordinator at one end)
 * @param kills workers killed with SIGKILL
 * @param killsBeforeConnect of those, killed before they had connected
 * @param incarnations worker JVMs started
 * @param finishedCleanly workers that finished the run with a goodbye and status 0
 * @param lostInFlight messages to killed workers that were never acknowledged (allowed: in flight at the kill)
 * @param meanConnectNanos the mean time from starting a worker JVM to its first message
 * @param slowestConnectNanos the longest such time
 * @param resources the resource comparisons
 * @param rawFds the peak and the final count of all open descriptors
 * @param samples how many resource samples were taken
 * @param violations every check that failed; empty when the run passed
 * @param logs the directory of the workers' logs (deleted when the run passed)
 *
 * <h2>Thread safety</h2>
 * Not modified once the run returned it; safe to read from any thread after that.
 */
public record SoakReport(SoakOptions options, long runNanos, long totalNanos, Stats stats, int kills,
        int killsBeforeConnect, int incarnations, int finishedCleanly, long lostInFlight, long meanConnectNanos, long slowestConnectNanos,
        List<Comparison> resources, long[] rawFds, int samples, List<String> violations, Path logs) {

    private static final int MAX_PRINTED_VIOLATIONS = 50;
    private static final double MIB = 1 << 20;

    /** Whether every check held. */
    public boolean passed() {
        return violations.isEmpty() && resources.stream().allMatch(Comparison::flat);
    }

    /** How many data messages the coordinator exchanged (sent and received). */
    public long messages() {
        return stats.messagesSent + stats.messagesReceived;
    }

    /** How many data messages were acknowledged by their receiver. */
    public long acknowledged() {
        return stats.acknowledged + stats.messagesReceived;
    }

    /** Of the exchanged messages, how many carried their payload in a memfd. */
    public long large() {
        return stats.large;
    }

    /** Of the exchanged messages, how many carried shared memory. */
    public long regions() {
        return stats.regions;
    }

    /** A human-readable summary, with the reasons of a failure. */
    public String summary() {
        double seconds = runNanos / 1e9;
        double bytes = stats.bytesSent + stats.bytesReceived;
        StringBuilder text = new StringBuilder();
        text.append(String.format("soak: %s, %.1f s of traffic (%.1f s with start-up and shutdown), %d workers x %d lanes each way, "
                + "seed %d%n", passed() ? "PASSED" : "FAILED", seconds, totalNanos / 1e9, options.workers(),
                options.lanes(), options.seed()));
        text.append(String.format("  messages: %,d (%,d to workers, %,d from workers), %.0f/s; %,.1f MiB, %.1f MiB/s%n",
                messages(), stats.messagesSent, stats.messagesReceived, messages() / seconds, bytes / MIB,
                bytes / MIB / seconds));
        text.append(String.format("  of which: %,d over %,d bytes (memfd), %,d with shared memory, %,d with a token "
                + "receiver, %,d with a reply sender (sent by the coordinator)%n", stats.large, Traffic.DATAGRAM_LIMIT,
                stats.regions, stats.tokens, stats.replies));
        text.append(String.format("  acknowledged: %,d; lost in flight at a kill: %,d%n", acknowledged(),
                lostInFlight));
        text.append(String.format("  kills survived: %d (%d before the worker connected); worker JVMs started: %d; "
                + "finished cleanly at the end: %d%n", kills, killsBeforeConnect, incarnations, finishedCleanly));
        text.append(String.format("  worker start to first message: mean %.0f ms, slowest %.0f ms%n",
                meanConnectNanos / 1e6, slowestConnectNanos / 1e6));
        text.append(String.format("  resources (%d samples; median of 25-45%% of the run vs the last 20%%); all open "
                + "descriptors: peak %d, final %d%n", samples, rawFds[0], rawFds[1]));
        for (Comparison c : resources) {
            text.append(String.format("    %-17s first %s, last %s (tolerance +%s), peak %s, final %s: %s%n",
                    c.name(), value(c, c.first()), value(c, c.last()), value(c, c.tolerance()), value(c, c.peak()),
                    value(c, c.finalValue()), c.flat() ? "flat" : c.first() < 0 || c.last() < 0 ? "NO SAMPLE IN A WINDOW" : "GREW"));
        }
        if (!violations.isEmpty()) {
            text.append(String.format("  violations (%d):%n", violations.size()));
            violations.stream().limit(MAX_PRINTED_VIOLATIONS).forEach(v -> text.append("    ").append(v).append('\n'));
            text.append("  worker logs: ").append(logs).append('\n');
        }
        return text.toString();
    }

    private static String value(Comparison c, long v) {
        if (v < 0) {
            return "n/a";
        }
        return c.unit().isEmpty() ? Long.toString(v) : String.format("%.1f %s", v / MIB, c.unit());
    }
}
