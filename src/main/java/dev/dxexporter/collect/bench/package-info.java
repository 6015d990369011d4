/**
 * Benchmark results: readers for criterion.rs directories and every format github-action-benchmark
 * extracts, one result model, and the regression rule.
 *
 * <p><b>Wiring.</b> {@link dev.dxexporter.collect.bench.BenchmarkDiscovery} finds criterion
 * benchmark directories and pytest-benchmark autosaves under a project root; {@link
 * dev.dxexporter.collect.bench.CriterionDirectoryReader#readTree} reads a whole {@code
 * target/criterion} (good benchmarks plus one located error per broken one); {@link
 * dev.dxexporter.collect.bench.ActionBenchmarkReaders} reads one output file (format named or
 * detected) or uploaded bytes; {@link dev.dxexporter.collect.bench.Regression} turns a result and
 * its baseline (another result, past point estimates, or criterion's own {@code change/}) into a
 * {@link dev.dxexporter.collect.bench.RegressionResult}. All are thread-safe and hold no state
 * between calls.
 *
 * <p><b>Results.</b> A {@link dev.dxexporter.collect.bench.BenchmarkResult} carries the time per
 * iteration in seconds ({@code mean}, {@code median}, {@code stddev}, {@code min}, {@code max},
 * {@code p90}/{@code p95}/{@code p99} where the samples allow, criterion's {@code slope}), a
 * normalised throughput ({@code ops/s}, {@code bytes/s}, {@code elements/s}), memory per operation,
 * further metrics, up to 10,000 raw samples, and a direction that follows from the unit (a time is
 * better lower, a rate higher). For {@code dx_benchmark_seconds{statistic}} use {@link
 * dev.dxexporter.collect.bench.Statistic#label()}; for {@code
 * dx_benchmark_performance_change_ratio} and {@code dx_benchmark_regressed} use {@link
 * dev.dxexporter.collect.bench.RegressionResult#changeRatio()} (negative is worse) and {@link
 * dev.dxexporter.collect.bench.RegressionVerdict#REGRESSED}; {@link
 * dev.dxexporter.collect.bench.RegressionVerdict#NOT_ENOUGH_DATA} should export no verdict rather
 * than 0.
 *
 * <p><b>The regression rule</b> is written out in {@link dev.dxexporter.collect.bench.Regression}:
 * criterion's own verdict when its {@code change/estimates.json} is current (interval of the mean
 * change beyond ±1 %), else a two-sided Welch t-test (or Mann–Whitney U) needing 10 values a side,
 * a change worse than 10 % and p &lt; 0.05 to say "regressed".
 */
package dev.dxexporter.collect.bench;
