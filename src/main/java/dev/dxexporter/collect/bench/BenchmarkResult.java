package dev.dxexporter.collect.bench;

import java.util.List;
import java.util.Map;

/**
 * One benchmark's result from one run, whatever tool wrote it.
 *
 * @param name the benchmark's id as the tool names it (criterion's {@code full_id}, JMH's method
 *     with its params, Go's name without the {@code -8} procs suffix)
 * @param format the tool / file format it was read from
 * @param primary the value regressions are judged on, normalised: the typical time per iteration in
 *     seconds (criterion's slope when linear sampling gave one, else its mean; JMH avgt/sample/ss
 *     scores; Go's ns/op; pytest's mean), or a throughput in {@code ops/s} (JMH thrpt,
 *     benchmark.js), or the tool's own unit when it is neither (libtest {@code cycles/iter}, custom
 *     JSON); its direction follows from that unit
 * @param seconds time-per-iteration estimates in seconds; empty when the result is not a time
 * @param interval the confidence interval of {@link #primary()}, in its unit, when the tool gives
 *     one (criterion, JMH, BenchmarkDotNet)
 * @param throughput the rate the tool reported or criterion's declared throughput implies, or null
 * @param bytesPerOp memory allocated per operation (Go {@code -benchmem} B/op, JMH {@code
 *     gc.alloc.rate.norm}, BenchmarkDotNet's MemoryDiagnoser, Julia's memory / evals), or null
 * @param metrics every further value the tool reported (allocs/op, custom metrics, JMH secondary
 *     metrics)
 * @param samples raw per-iteration values in the unit of {@link #primary()}, at most {@link
 *     Samples#MAX}
 * @param reported the primary value as the tool printed it (github-action-benchmark's shape)
 * @param details facts about the run: iterations, procs, forks, threads, rounds, mode, package
 */
public record BenchmarkResult(
    String name,
    BenchmarkFormat format,
    Measurement primary,
    Map<Statistic, Double> seconds,
    ConfidenceInterval interval,
    Throughput throughput,
    Double bytesPerOp,
    List<Metric> metrics,
    Samples samples,
    ReportedValue reported,
    Map<String, String> details) {

  public BenchmarkResult {
    seconds = Map.copyOf(seconds);
    metrics = List.copyOf(metrics);
    details = Map.copyOf(details);
  }

  /** Whether the primary value is a time per iteration (in seconds). */
  public boolean isTime() {
    return Units.SECONDS.equals(primary.unit());
  }

  /** The metric of that name, or null. */
  public Metric metric(String metricName) {
    return metrics.stream().filter(m -> m.name().equals(metricName)).findFirst().orElse(null);
  }
}
