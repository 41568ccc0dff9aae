package ipc.benchmarks.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The throughput chart: MB/s (10^6 bytes per second) against message size, both axes logarithmic, one line for the
 * floor, one for the bytes channel and one per serializer's typed channel. Plain SVG, written by hand.
 *
 * <h2>Thread safety</h2>
 * Stateless.
 */
final class Chart {

    private static final int WIDTH = 760;
    private static final int HEIGHT = 460;
    private static final int LEFT = 80;
    private static final int RIGHT = 170;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;
    private static final String[] COLOURS = {"#000000", "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728"};

    private Chart() {}

    private record Line(String label, List<double[]> points, boolean dashed) {}

    static String svg(Report.Latest latest) {
        List<Line> lines = new ArrayList<>();
        List<double[]> floor = new ArrayList<>();
        for (Map.Entry<String, Long> size : Row.SIZES) {
            Double ns = latest.floor().get("oneway_" + size.getKey());
            if (ns != null) {
                floor.add(new double[] {size.getValue(), megabytesPerSecond(size.getValue(), ns)});
            }
        }
        lines.add(new Line("C floor", floor, true));
        for (String channel : Row.ONE_WAY_CHANNELS) {
            List<double[]> points = new ArrayList<>();
            for (Map.Entry<String, Long> size : Row.SIZES) {
                Report.Measured m = latest.java().get("oneway_" + channel + "_" + size.getKey());
                if (m != null) {
                    points.add(new double[] {size.getValue(), megabytesPerSecond(size.getValue(), m.ns())});
                }
            }
            if (!points.isEmpty()) {
                lines.add(new Line(channel.equals("bytes") ? "IpcBytesSender"
                        : channel.equals("bytes_reuse") ? "bytes, recv(ByteBuffer)"
                        : channel.equals("bytes_direct") ? "bytes, direct ByteBuffers"
                        : channel.equals("protobuf") ? "protobuf (Blob)" : channel + " byte[]", points, false));
            }
        }
        double minY = Double.MAX_VALUE;
        double maxY = 0;
        for (Line line : lines) {
            for (double[] p : line.points()) {
                minY = Math.min(minY, p[1]);
                maxY = Math.max(maxY, p[1]);
            }
        }
        if (maxY == 0) {
            minY = 1;
            maxY = 10;
        }
        int lowDecade = (int) Math.floor(Math.log10(minY));
        int highDecade = (int) Math.ceil(Math.log10(maxY));
        if (highDecade == lowDecade) {
            highDecade++;
        }
        double plotW = WIDTH - LEFT - RIGHT;
        double plotH = HEIGHT - TOP - BOTTOM;
        double minX = Math.log(Row.SIZES.get(0).getValue()) / Math.log(2);
        double maxX = Math.log(Row.SIZES.get(Row.SIZES.size() - 1).getValue()) / Math.log(2);
        final int lo = lowDecade;
        final int hi = highDecade;
        java.util.function.DoubleUnaryOperator x = bytes ->
                LEFT + (Math.log(bytes) / Math.log(2) - minX) / (maxX - minX) * plotW;
        java.util.function.DoubleUnaryOperator y = mbs -> TOP + plotH - (Math.log10(mbs) - lo) / (hi - lo) * plotH;

        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" font-size=\"12\">\n", WIDTH, HEIGHT, WIDTH, HEIGHT));
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"24\" font-size=\"15\">One-way throughput against "
                + "message size (higher is better)</text>\n", LEFT));
        for (int d = lo; d <= hi; d++) {
            double yy = y.applyAsDouble(Math.pow(10, d));
            s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                    LEFT, yy, LEFT + plotW, yy));
            s.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>\n", LEFT - 6,
                    yy + 4, decade(d)));
        }
        for (Map.Entry<String, Long> size : Row.SIZES) {
            double xx = x.applyAsDouble(size.getValue());
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n",
                    xx, TOP, xx, TOP + plotH));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>\n", xx,
                    TOP + plotH + 18, size.getKey().replace("B", " B").replace("Ki ", " Ki").replace("Mi ", " Mi")));
        }
        s.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%.1f\" fill=\"none\" "
                + "stroke=\"#444\"/>\n", LEFT, TOP, plotW, plotH));
        s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">message size</text>\n",
                LEFT + plotW / 2, HEIGHT - 16));
        s.append(String.format(Locale.ROOT, "<text transform=\"translate(18 %.1f) rotate(-90)\" text-anchor=\"middle\">"
                + "MB/s (10⁶ bytes per second)</text>\n", TOP + plotH / 2));
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder path = new StringBuilder();
            for (double[] p : line.points()) {
                path.append(path.length() == 0 ? "M" : " L").append(String.format(Locale.ROOT, "%.1f %.1f",
                        x.applyAsDouble(p[0]), y.applyAsDouble(p[1])));
            }
            s.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s/>\n",
                    path, colour, line.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            for (double[] p : line.points()) {
                s.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\">"
                        + "<title>%s, %s: %.0f MB/s</title></circle>\n", x.applyAsDouble(p[0]), y.applyAsDouble(p[1]),
                        colour, line.label(), sizeLabel((long) p[0]), p[1]));
            }
            double ly = TOP + 10 + i * 20;
            double lx = LEFT + plotW + 14;
            s.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                    + "stroke-width=\"2\"%s/>\n", lx, ly, lx + 24, ly, colour,
                    line.dashed() ? " stroke-dasharray=\"6 4\"" : ""));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\">%s</text>\n", lx + 30, ly + 4,
                    line.label()));
        }
        s.append("</svg>\n");
        return s.toString();
    }

    private static double megabytesPerSecond(long bytes, double ns) {
        return bytes / ns * 1000.0;
    }

    private static String decade(int d) {
        double v = Math.pow(10, d);
        return v >= 1 ? String.format(Locale.ROOT, "%,.0f", v) : String.format(Locale.ROOT, "%s", v);
    }

    private static String sizeLabel(long bytes) {
        for (Map.Entry<String, Long> size : Row.SIZES) {
            if (size.getValue() == bytes) {
                return size.getKey();
            }
        }
        return bytes + " B";
    }
}
