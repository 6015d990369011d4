package dev.dxexporter.ingest;

import dev.dxexporter.collect.bench.RegressionResult;
import dev.dxexporter.collect.bench.RegressionVerdict;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.BenchmarkReport;
import dev.dxexporter.store.StoredBenchmark;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The benchmark metric families and how a project's latest benchmark reports become samples. */
final class BenchmarkSamples {
  static final MetricFamily SECONDS =
      MetricFamily.gauge(
          "dx_benchmark_seconds",
          "Time per iteration of the latest run, by statistic (mean, median, stddev, min, max,"
              + " p90/p95/p99 where the samples allow, slope, estimate)."
              + TestSamples.REFRESHED);
  static final MetricFamily THROUGHPUT =
      MetricFamily.gauge(
          "dx_benchmark_throughput",
          "Throughput of the latest run, when the benchmark reports one; unit = ops/s, bytes/s,"
              + " elements/s or the tool's per-second unit."
              + TestSamples.REFRESHED);
  static final MetricFamily MEMORY =
      MetricFamily.gauge(
          "dx_benchmark_memory_bytes",
          "Memory allocated per operation in the latest run, when the tool reports it."
              + TestSamples.REFRESHED);
  static final MetricFamily CHANGE =
      MetricFamily.gauge(
          "dx_benchmark_performance_change_ratio",
          "Change of the latest run against its baseline, sign-normalised: negative is worse"
              + " (slower, less throughput); absent when no verdict could be made."
              + TestSamples.REFRESHED);
  static final MetricFamily REGRESSED =
      MetricFamily.gauge(
          "dx_benchmark_regressed",
          "1 when the latest run is a significant regression beyond the threshold, else 0;"
              + " absent when no verdict could be made (see dx_benchmark_verdict_available)."
              + TestSamples.REFRESHED);
  static final MetricFamily AVAILABLE =
      MetricFamily.gauge(
          "dx_benchmark_verdict_available",
          "1 when a regression verdict was made for the latest run, 0 when it could not be (too"
              + " few samples and too few earlier base-branch results, or no direction)."
              + TestSamples.REFRESHED);
  static final MetricFamily RECEIVED =
      MetricFamily.gauge(
          "dx_benchmark_report_timestamp_seconds",
          "Unix time the latest benchmark report was ingested." + TestSamples.REFRESHED);

  private BenchmarkSamples() {}

  /**
   * {@code verdicts}: per report, by benchmark name. A benchmark name that two reports share is
   * labelled {@code <report>/<name>} in the second, so no two series collide.
   */
  static List<Sample> of(
      String project,
      List<BenchmarkReport> latest,
      Map<Long, Map<String, RegressionResult>> verdicts) {
    List<Sample> out = new ArrayList<>();
    Set<String> labelled = new HashSet<>();
    for (BenchmarkReport r : latest) {
      out.add(
          Sample.of(
              RECEIVED,
              r.meta().receivedAt().toEpochMilli() / 1000.0,
              "project",
              project,
              "report",
              r.meta().reportName()));
      for (StoredBenchmark b : r.benchmarks()) {
        String name = b.name();
        if (!labelled.add(name)) {
          name = r.meta().reportName() + "/" + b.name();
          if (!labelled.add(name)) {
            continue; // the same name twice in one report: the first one is shown
          }
        }
        add(out, project, name, b, verdicts.getOrDefault(r.id(), Map.of()).get(b.name()));
      }
    }
    return out;
  }

  private static void add(
      List<Sample> out, String project, String name, StoredBenchmark b, RegressionResult v) {
    for (Map.Entry<String, Double> s : b.seconds().entrySet()) {
      out.add(
          Sample.of(
              SECONDS,
              s.getValue(),
              "project",
              project,
              "benchmark",
              name,
              "statistic",
              s.getKey()));
    }
    if (b.throughput() != null) {
      out.add(
          Sample.of(
              THROUGHPUT,
              b.throughput(),
              "project",
              project,
              "benchmark",
              name,
              "unit",
              b.throughputUnit()));
    }
    String[] labels = {"project", project, "benchmark", name};
    if (b.memoryBytes() != null) {
      out.add(Sample.of(MEMORY, b.memoryBytes(), labels));
    }
    boolean judged =
        v != null
            && v.verdict() != RegressionVerdict.NOT_ENOUGH_DATA
            && Double.isFinite(v.changeRatio());
    out.add(Sample.of(AVAILABLE, judged ? 1 : 0, labels));
    if (judged) {
      out.add(Sample.of(CHANGE, v.changeRatio(), labels));
      out.add(Sample.of(REGRESSED, v.verdict() == RegressionVerdict.REGRESSED ? 1 : 0, labels));
    }
  }
}
