package ipc.benchmarks.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The Markdown table of a run: per row the Java and floor figures, their ratio, the target and whether it is met.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
final class Table {

    private Table() {}

    /** The sentence above the table: how, when and where it was measured. */
    static String header(Report.Latest latest) {
        var info = latest.info();
        return Report.wrap("Measured by `bench/run" + (info.getOrDefault("mode", "full").equals("quick") ? " --quick" : "")
                + "` on " + info.getOrDefault("date", "?") + " (the run took " + info.getOrDefault("elapsed_s", "?")
                + " s).  \nMachine: " + info.getOrDefault("machine", "?")
                + ".  \nJDK: " + info.getOrDefault("jdk", "?") + ". Both sides pinned to one CPU (`taskset -c 0`)."
                + "\n\nTimes are nanoseconds per message (per operation for `create`, per round trip for round trips)."
                + " *Java/floor* is Java ns ÷ floor ns (lower is better); *bandwidth* is floor ns ÷ Java ns, the"
                + " Java channel's bandwidth as a share of the floor's (higher is better), for one-way rows."
                + " *Alloc* is JMH's `gc.alloc.rate.norm` (bytes allocated per message, all threads of the JVM); on"
                + " the bytes path the target is no allocation beyond the received `byte[]` itself (shown as +excess;"
                + " up to 8 bytes or 0.1 % of the payload counts as measuring noise).");
    }

    static String markdown(Report.Latest latest) {
        StringBuilder out = new StringBuilder();
        out.append("| Row | Java ns | Floor ns | Java/floor | Bandwidth | Alloc B/msg | Target | Met? |\n");
        out.append("| --- | ---: | ---: | ---: | ---: | ---: | --- | --- |\n");
        for (Row row : Row.all()) {
            Report.Measured m = latest.java().get(row.name());
            if (m == null) {
                continue;
            }
            Optional<Double> floor = row.floor().map(latest.floor()::get);
            String target = row.target().map(Row.Target::text).orElse("");
            String met = "";
            if (row.target().isPresent() && floor.isPresent()) {
                met = row.target().get().met(m.ns(), floor.get()) ? "yes" : "**no**";
            }
            String alloc = Double.isNaN(m.alloc()) ? "-" : format(m.alloc());
            if (row.bytesPath() && !Double.isNaN(m.alloc())) {
                double excess = m.alloc() - row.unavoidableAllocation();
                alloc += " (+" + format(Math.max(0, excess)) + ")";
                target += (target.isEmpty() ? "" : "; ") + "no alloc";
                boolean allocMet = excess <= Math.max(8, row.bytes() / 1000.0);
                if (!allocMet) {
                    met = (met.equals("yes") || met.isEmpty()) ? "**no** (alloc)" : met + " (and alloc)";
                }
            }
            out.append("| ").append(row.name())
                    .append(" | ").append(format(m.ns()))
                    .append(" | ").append(floor.map(Table::format).orElse("-"))
                    .append(" | ").append(floor.map(f -> String.format(Locale.ROOT, "%.2f", m.ns() / f)).orElse("-"))
                    .append(" | ").append(floor.filter(f -> row.throughput())
                            .map(f -> String.format(Locale.ROOT, "%.2f", f / m.ns())).orElse(""))
                    .append(" | ").append(alloc)
                    .append(" | ").append(target)
                    .append(" | ").append(met).append(" |\n");
        }
        return out.toString();
    }

    /**
     * The paragraph and table that set each receive returning a new array beside what such a receive can reach: per
     * one-way size with a floor and a {@code fresh_array} figure, the bound floor ns / (floor ns + new array ns) and
     * the bandwidth shares of {@code recv()} and of each serializer's typed channel. Empty if no size has both.
     */
    static String bounds(Report.Latest latest) {
        StringBuilder table = new StringBuilder();
        for (Map.Entry<String, Long> size : Row.SIZES) {
            Double floor = latest.floor().get("oneway_" + size.getKey());
            Report.Measured array = latest.java().get(Row.FRESH_ARRAY + size.getKey());
            if (floor == null || array == null) {
                continue;
            }
            table.append("| ").append(size.getKey())
                    .append(" | ").append(format(floor))
                    .append(" | ").append(format(array.ns()))
                    .append(" | ").append(share(floor, floor + array.ns()));
            for (String channel : NEW_ARRAY_CHANNELS) {
                Report.Measured m = latest.java().get("oneway_" + channel + "_" + size.getKey());
                table.append(" | ").append(m == null ? "-" : share(floor, m.ns()));
            }
            table.append(" |\n");
        }
        if (table.length() == 0) {
            return "";
        }
        return Report.wrap("A receive that returns a new array (`recv()` and the typed `byte[]` rows) also pays for the"
                + " array: the JVM allocates it and zeroes every byte, which the transfer then writes again. *New"
                + " array* is that cost alone (`FreshArray.allocate`, same run);"
                + " *bound* is floor ns ÷ (floor ns + new array ns): the bandwidth share such a receive would reach if"
                + " everything but the kernel's transfer and the allocation were free. The other columns are the"
                + " bandwidth shares measured above.") + "\n\n"
                + "| Size | Floor ns | New array ns | Bound | recv() | jackson | kryo | protobuf |\n"
                + "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n" + table;
    }

    /** The channels of the one-way rows whose receive returns a new array, in the column order of {@link #bounds}. */
    private static final List<String> NEW_ARRAY_CHANNELS = List.of("bytes", "jackson", "kryo", "protobuf");

    private static String share(double floorNs, double ns) {
        return String.format(Locale.ROOT, "%.2f", floorNs / ns);
    }

    static String format(double value) {
        if (value >= 100) {
            return String.format(Locale.ROOT, "%,.0f", value);
        }
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
