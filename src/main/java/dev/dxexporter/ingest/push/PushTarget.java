package dev.dxexporter.ingest.push;

import dev.dxexporter.ingest.RegressionSettings;

/**
 * What a push may deliver to a project: which kinds of report it collects (a project without a
 * {@code tests:} section does not take test reports: they would be stored and never shown), their
 * size caps, and how to ask its collectors to show the new report soon.
 *
 * @param benchmarks whether the project has a {@code benchmarks:} section
 * @param regression its regression settings (criterion's own verdict is judged at ingestion)
 */
public record PushTarget(
    String project,
    boolean tests,
    boolean coverage,
    long maxTestReportBytes,
    long maxCoverageReportBytes,
    Runnable refreshTests,
    Runnable refreshCoverage,
    boolean benchmarks,
    long maxBenchmarkReportBytes,
    RegressionSettings regression,
    Runnable refreshBenchmarks) {

  /** Whether the project collects reports of this source ({@code tests}, {@code coverage}, ...). */
  boolean collects(String source) {
    return switch (source) {
      case "coverage" -> coverage;
      case "benchmarks" -> benchmarks;
      default -> tests;
    };
  }

  /** Asks the collector of this source to run soon. */
  void refresh(String source) {
    switch (source) {
      case "coverage" -> refreshCoverage.run();
      case "benchmarks" -> refreshBenchmarks.run();
      default -> refreshTests.run();
    }
  }
}
