package ipc.benchmarks.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The report of one {@code bench/run}, in two steps.
 *
 * <ol>
 *   <li>{@code collect FLOOR_OUTPUT JMH_JSON LATEST_TSV [INFO_KEY=VALUE...]}: joins the floor's output and JMH's JSON
 *       result into {@code LATEST_TSV}, one tab-separated line per fact: {@code INFO key value},
 *       {@code FLOOR name median min max} (as the floor printed them), {@code JAVA row ns error alloc},
 *       {@code BENCH name java_ns floor_ns ratio [bandwidth_share]} and {@code ALLOC name bytes_per_op}; and prints
 *       the {@code BENCH} and {@code ALLOC} lines.</li>
 *   <li>{@code render LATEST_TSV RESULTS_DIR README}: from {@code LATEST_TSV} alone, writes
 *       {@code RESULTS_DIR/results.md} (the table), {@code RESULTS_DIR/throughput.svg} (the chart) and the part of
 *       {@code README} between {@code <!-- bench:begin -->} and {@code <!-- bench:end -->}.</li>
 * </ol>
 *
 * <p>Conventions: {@code ratio} is always java ns / floor ns (lower is better). For one-way rows the fifth field is
 * the bandwidth share, floor ns / java ns (the Java channel's bandwidth as a fraction of the floor's; higher is
 * better), which is what their targets bound. Rows without a floor print {@code -}.
 *
 * <h2>Thread safety</h2>
 * A program entry point; not for concurrent use.
 */
public final class Report {

    static final String BEGIN = "<!-- bench:begin -->";
    static final String END = "<!-- bench:end -->";
    private static final String PACKAGE = "ipc.benchmarks.";

    private Report() {}

    /**
     * Runs {@code collect} or {@code render}; see the class comment.
     *
     * @param args the step and its files
     * @throws IOException if a file cannot be read or written
     */
    public static void main(String[] args) throws IOException {
        if (args.length >= 4 && args[0].equals("collect")) {
            List<String> info = List.of(args).subList(4, args.length);
            collect(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]), info);
        } else if (args.length == 4 && args[0].equals("render")) {
            render(Path.of(args[1]), Path.of(args[2]), Path.of(args[3]));
        } else {
            System.err.println("usage: Report collect FLOOR_OUTPUT JMH_JSON LATEST_TSV [KEY=VALUE...]\n"
                    + "       Report render LATEST_TSV RESULTS_DIR README");
            System.exit(2);
        }
    }

    /** A JMH result: score and error in ns per operation, allocation in bytes per operation (NaN if unknown). */
    record Measured(double ns, double error, double alloc) {}

    static void collect(Path floorOutput, Path jmhJson, Path latest, List<String> info) throws IOException {
        List<String> out = new ArrayList<>();
        for (String entry : info) {
            int eq = entry.indexOf('=');
            out.add(String.join("\t", "INFO", entry.substring(0, eq), entry.substring(eq + 1)));
        }
        Map<String, Double> floor = new LinkedHashMap<>();
        for (String line : Files.readAllLines(floorOutput, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 5 && f[0].equals("FLOOR")) {
                floor.put(f[1], Double.parseDouble(f[2]));
                out.add(line);
            }
        }
        JsonNode results = JsonMapper.builder().build().readTree(Files.readString(jmhJson, StandardCharsets.UTF_8));
        boolean jdkRecorded = false;
        Map<String, Measured> java = new LinkedHashMap<>();
        for (JsonNode result : results) {
            if (!jdkRecorded) {
                out.add(String.join("\t", "INFO", "jdk", result.get("jdkVersion").asString() + " ("
                        + result.get("vmName").asString() + " " + result.get("vmVersion").asString() + ")"));
                jdkRecorded = true;
            }
            String benchmark = result.get("benchmark").asString();
            Map<String, String> params = new LinkedHashMap<>();
            JsonNode paramNode = result.get("params");
            if (paramNode != null) {
                for (Map.Entry<String, JsonNode> p : paramNode.properties()) {
                    params.put(p.getKey(), p.getValue().asString());
                }
            }
            JsonNode primary = result.get("primaryMetric");
            if (!primary.get("scoreUnit").asString().equals("ns/op")) {
                throw new IOException(benchmark + ": expected ns/op, got " + primary.get("scoreUnit").asString());
            }
            JsonNode allocNode = result.path("secondaryMetrics").path("gc.alloc.rate.norm").path("score");
            double alloc = number(allocNode);
            for (Row row : Row.all()) {
                if (benchmark.equals(PACKAGE + row.benchmark()) && params.entrySet().containsAll(row.params().entrySet())) {
                    java.put(row.name(), new Measured(number(primary.get("score")),
                            number(primary.get("scoreError")), alloc));
                }
            }
        }
        List<String> printed = new ArrayList<>();
        for (Row row : Row.all()) {
            Measured m = java.get(row.name());
            if (m == null) {
                continue;
            }
            out.add(String.join("\t", "JAVA", row.name(), num(m.ns()), num(m.error()), num(m.alloc())));
            Optional<Double> f = row.floor().map(floor::get);
            List<String> bench = new ArrayList<>(List.of("BENCH", row.name(), num(m.ns())));
            if (f.isPresent()) {
                bench.add(num(f.get()));
                bench.add(String.format(Locale.ROOT, "%.2f", m.ns() / f.get()));
                if (row.throughput()) {
                    bench.add(String.format(Locale.ROOT, "%.2f", f.get() / m.ns()));
                }
            } else {
                bench.add("-");
                bench.add("-");
            }
            printed.add(String.join("\t", bench));
        }
        for (Row row : Row.all()) {
            Measured m = java.get(row.name());
            if (m != null && !Double.isNaN(m.alloc())) {
                printed.add(String.join("\t", "ALLOC", row.name(), String.format(Locale.ROOT, "%.1f", m.alloc())));
            }
        }
        out.addAll(printed);
        Files.write(latest, out, StandardCharsets.UTF_8);
        printed.forEach(System.out::println);
    }

    /** Wraps each line of {@code text} at 118 characters, between words (Markdown prose, as in the README). */
    static String wrap(String text) {
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (out.length() > 0) {
                out.append('\n');
            }
            int column = 0;
            for (String word : line.split(" ", -1)) {
                if (column > 0 && column + 1 + word.length() > 118) {
                    out.append('\n');
                    column = 0;
                } else if (column > 0 || out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                    out.append(' ');
                    column++;
                }
                out.append(word);
                column += word.length();
            }
        }
        return out.toString();
    }

    /** A JMH number; JMH writes "NaN" (a string) for an error it cannot compute, such as from one iteration. */
    private static double number(JsonNode node) {
        if (node != null && node.isNumber()) {
            return node.asDouble();
        }
        return Double.NaN;
    }

    private static String num(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.1f", value);
    }

    /** What {@code latest.tsv} says. */
    record Latest(Map<String, String> info, Map<String, Double> floor, Map<String, Measured> java) {

        static Latest read(Path latest) throws IOException {
            Map<String, String> info = new LinkedHashMap<>();
            Map<String, Double> floor = new LinkedHashMap<>();
            Map<String, Measured> java = new LinkedHashMap<>();
            for (String line : Files.readAllLines(latest, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                switch (f[0]) {
                    case "INFO" -> info.put(f[1], f[2]);
                    case "FLOOR" -> floor.put(f[1], Double.parseDouble(f[2]));
                    case "JAVA" -> java.put(f[1], new Measured(parse(f[2]), parse(f[3]), parse(f[4])));
                    default -> { }
                }
            }
            return new Latest(info, floor, java);
        }

        private static double parse(String field) {
            return field.equals("-") ? Double.NaN : Double.parseDouble(field);
        }
    }

    static void render(Path latestTsv, Path resultsDir, Path readme) throws IOException {
        Latest latest = Latest.read(latestTsv);
        String bounds = Table.bounds(latest);
        String table = Table.markdown(latest) + (bounds.isEmpty() ? "" : "\n" + bounds);
        Files.writeString(resultsDir.resolve("results.md"), "# Benchmark results\n\n" + Table.header(latest) + "\n\n"
                + table + "\n![Throughput against message size](throughput.svg)\n", StandardCharsets.UTF_8);
        Files.writeString(resultsDir.resolve("throughput.svg"), Chart.svg(latest), StandardCharsets.UTF_8);
        String text = Files.readString(readme, StandardCharsets.UTF_8);
        int begin = text.indexOf(BEGIN);
        int end = text.indexOf(END);
        if (begin < 0 || end < begin) {
            throw new IOException(readme + " has no " + BEGIN + " ... " + END + " section");
        }
        String section = BEGIN + "\n" + Table.header(latest) + "\n\n" + table
                + "\n![Throughput against message size](bench/results/throughput.svg)\n\n"
                + wrap("Regenerate with `bench/run` (steadier figures, about 27 minutes on 2 idle cores) or `bench/run "
                + "--quick` (2 minutes); every raw figure is in `bench/results/latest.tsv`, JMH's own result in "
                + "`bench/results/jmh.json`.") + "\n" + END;
        Files.writeString(readme, text.substring(0, begin) + section + text.substring(end + END.length()),
                StandardCharsets.UTF_8);
    }
}
