package dev.dxexporter.collect.bench;

/**
 * The benchmark's primary value as the tool printed it, in the shape github-action-benchmark's
 * extractors give ({@code value}, {@code unit}, {@code range}, {@code extra}): for display, PR
 * comments and compatibility with its {@code data.js}. Use {@link BenchmarkResult#primary()} and
 * {@link BenchmarkResult#seconds()} for arithmetic.
 *
 * @param range the spread as the tool states it ({@code ± 24}, {@code ±0.74%}, {@code stddev: …}),
 *     or null
 * @param extra further facts, one per line ({@code 5000000 times\n8 procs}), or null
 */
public record ReportedValue(double value, String unit, String range, String extra) {}
