package dev.dxexporter.store;

import java.util.List;

/** A stored benchmark report: its id (orders reports received at the same time), meta, results. */
public record BenchmarkReport(long id, ReportMeta meta, List<StoredBenchmark> benchmarks) {
  public BenchmarkReport {
    benchmarks = List.copyOf(benchmarks);
  }
}
