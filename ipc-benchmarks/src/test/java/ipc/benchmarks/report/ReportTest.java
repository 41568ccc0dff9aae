package ipc.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class ReportTest {

    private static final String JMH_JSON = """
            [
              { "jdkVersion": "17", "vmName": "VM", "vmVersion": "1", "benchmark": "ipc.benchmarks.Channels.create",
                "params": { "serializer": "kryo" },
                "primaryMetric": { "score": 120.0, "scoreError": "NaN", "scoreUnit": "ns/op" },
                "secondaryMetrics": { "gc.alloc.rate.norm": { "score": 5.0, "scoreUnit": "B/op" } } },
              { "jdkVersion": "17", "vmName": "VM", "vmVersion": "1", "benchmark": "ipc.benchmarks.OneWay.receive",
                "params": { "channel": "bytes", "size": "65536" },
                "primaryMetric": { "score": 2000.0, "scoreError": 10.0, "scoreUnit": "ns/op" },
                "secondaryMetrics": { "gc.alloc.rate.norm": { "score": 65552.0, "scoreUnit": "B/op" } } },
              { "jdkVersion": "17", "vmName": "VM", "vmVersion": "1", "benchmark": "ipc.benchmarks.OneWay.receive",
                "params": { "channel": "kryo", "size": "65536" },
                "primaryMetric": { "score": 4000.0, "scoreError": 10.0, "scoreUnit": "ns/op" },
                "secondaryMetrics": { } },
              { "jdkVersion": "17", "vmName": "VM", "vmVersion": "1", "benchmark": "ipc.benchmarks.FreshArray.allocate",
                "params": { "size": "65536" },
                "primaryMetric": { "score": 250.0, "scoreError": 1.0, "scoreUnit": "ns/op" },
                "secondaryMetrics": { } },
              { "jdkVersion": "17", "vmName": "VM", "vmVersion": "1",
                "benchmark": "ipc.benchmarks.ReceiverSetSelect.select64",
                "primaryMetric": { "score": 300.0, "scoreError": 1.0, "scoreUnit": "ns/op" },
                "secondaryMetrics": { } }
            ]
            """;

    @TempDir
    Path dir;

    private Path collect() throws IOException {
        Path floor = Files.writeString(dir.resolve("floor.out"),
                "FLOOR\tcreate\t100.0\t90.0\t110.0\nnoise line\nFLOOR\toneway_64KiB\t1000.0\t900.0\t1100.0\n");
        Path json = Files.writeString(dir.resolve("jmh.json"), JMH_JSON);
        Path latest = dir.resolve("latest.tsv");
        Report.collect(floor, json, latest, List.of("mode=quick", "machine=a test machine"));
        return latest;
    }

    @Test
    void collectJoinsTheFloorWithJmhAndComputesBothRatios() throws IOException {
        List<String> lines = Files.readAllLines(collect());
        assertTrue(lines.contains("BENCH\tcreate\t120.0\t100.0\t1.20"), lines.toString());
        assertTrue(lines.contains("BENCH\toneway_bytes_64KiB\t2000.0\t1000.0\t2.00\t0.50"), lines.toString());
        assertTrue(lines.contains("BENCH\toneway_kryo_64KiB\t4000.0\t1000.0\t4.00\t0.25"), lines.toString());
        assertTrue(lines.contains("BENCH\treceiver_set_64\t300.0\t-\t-"), lines.toString());
        assertTrue(lines.contains("BENCH\tfresh_array_64KiB\t250.0\t-\t-"), lines.toString());
        assertTrue(lines.contains("ALLOC\tcreate\t5.0"), lines.toString());
        assertTrue(lines.contains("FLOOR\tcreate\t100.0\t90.0\t110.0"), lines.toString());
        assertTrue(lines.contains("INFO\tmachine\ta test machine"), lines.toString());
        assertTrue(lines.stream().noneMatch(line -> line.startsWith("ALLOC\toneway_kryo")), "no allocation measured");
    }

    @Test
    void renderWritesTableChartAndOnlyTheReadmeSection() throws Exception {
        Path latest = collect();
        Path readme = Files.writeString(dir.resolve("README.md"),
                "# Title\n\nbefore\n\n" + Report.BEGIN + "\nold figures\n" + Report.END + "\n\nafter\n");
        Report.render(latest, dir, readme);

        String text = Files.readString(readme);
        assertTrue(text.startsWith("# Title\n\nbefore\n\n" + Report.BEGIN + "\n"), text);
        assertTrue(text.endsWith(Report.END + "\n\nafter\n"), text);
        assertTrue(!text.contains("old figures"), text);
        assertTrue(text.contains("| create | 120 | 100 | 1.20 |  | 5.0 | time ≤ 1.5× floor | yes |"), text);
        // 65,552 bytes is the received array itself: no excess; the bandwidth share 0.5 misses the 0.9 target.
        assertTrue(text.contains("| oneway_bytes_64KiB | 2,000 | 1,000 | 2.00 | 0.50 | 65,552 (+0.0) "
                + "| bandwidth ≥ 0.9× floor; no alloc | **no** |"), text);
        assertTrue(text.contains("| receiver_set_64 | 300 | - | - |"), text);
        // bound 1,000 / (1,000 + 250); recv() and kryo at their measured shares; jackson and protobuf not measured
        assertTrue(text.contains("| Size | Floor ns | New array ns | Bound | recv() | jackson | kryo | protobuf |\n"),
                text);
        assertTrue(text.contains("\n| 64KiB | 1,000 | 250 | 0.80 | 0.50 | - | 0.25 | - |\n"), text);
        assertTrue(text.indexOf("| 64KiB | 1,000 | 250 |") < text.indexOf("throughput.svg"), "bounds above the chart");
        assertTrue(Files.readString(dir.resolve("results.md")).contains("| create | 120 |"));

        Document svg = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(dir.resolve("throughput.svg").toFile());
        assertEquals("svg", svg.getDocumentElement().getTagName());
        // one line each for the floor, the bytes channel and kryo: the only one-way rows measured
        assertEquals(3, svg.getElementsByTagName("path").getLength());
    }

    @Test
    void boundsNeedAFreshArrayFigure() {
        Report.Latest latest = new Report.Latest(Map.of(), Map.of("oneway_64KiB", 1000.0),
                Map.of("oneway_bytes_64KiB", new Report.Measured(2000, 1, 65552)));
        assertEquals("", Table.bounds(latest));
    }

    @Test
    void renderRefusesAReadmeWithoutTheMarkers() throws IOException {
        Path latest = collect();
        Path readme = Files.writeString(dir.resolve("README.md"), "# Title\n");
        assertThrows(IOException.class, () -> Report.render(latest, dir, readme));
        assertEquals("# Title\n", Files.readString(readme));
    }

    @Test
    void wrapBreaksBetweenWordsAndKeepsHardBreaks() {
        String words = "word ".repeat(60).trim();
        String wrapped = Report.wrap("first line.  \n" + words);
        assertTrue(wrapped.startsWith("first line.  \nword"), wrapped);
        assertTrue(wrapped.lines().allMatch(line -> line.length() <= 118), wrapped);
        assertEquals(("first line.  \n" + words).replace("\n", " "), wrapped.replace("\n", " "));
    }
}
