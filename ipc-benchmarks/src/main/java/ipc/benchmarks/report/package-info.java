/**
 * Turns one run of {@code bench/run} into its report: {@link ipc.benchmarks.report.Report} joins the C floor's rows
 * with JMH's results into {@code bench/results/latest.tsv}, and from that file alone writes the Markdown table, the
 * throughput chart (an SVG drawn here, no plotting library) and the README's performance section.
 */
package ipc.benchmarks.report;
