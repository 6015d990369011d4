package dev.dxexporter.e2e;

import java.util.List;

/**
 * An alert the e2e fixtures must raise: for project `project`, on the exporter metric `metric`,
 * with the subject label `subjectLabel=subject`. `receiver` is the webhook path it must arrive at,
 * or null when a higher tier of the same objective must inhibit it.
 */
record ExpectedAlert(
    String alertname,
    String project,
    String metric,
    String subjectLabel,
    String subject,
    String receiver) {

  boolean inhibited() {
    return receiver == null;
  }

  /**
   * What the breaching fixtures raise, per the roadmap lines in the shipped rules and Alertmanager
   * example.
   */
  static final List<ExpectedAlert> FROM_FIXTURES =
      List.of(
          // 10.2 GB cache: over the 10 GB alert, the 6 GB gate and the 5 GB target; one ticket (the
          // explosion inhibits the gate warning of the same cache).
          new ExpectedAlert(
              "DxBuildCacheSizeExplosion",
              "breach",
              "dx_cache_size_bytes",
              "cache",
              "target",
              "/ticket"),
          new ExpectedAlert(
              "DxBuildCacheAboveGate", "breach", "dx_cache_size_bytes", "cache", "target", null),
          new ExpectedAlert(
              "DxBuildCacheAboveTarget", "breach", "dx_cache_size_bytes", "cache", "target", null),
          // 5.3 GB cache: over the target only, so the info alert is delivered.
          new ExpectedAlert(
              "DxBuildCacheAboveTarget",
              "target-miss",
              "dx_cache_size_bytes",
              "cache",
              "target",
              "/digest"),
          // 80 distinct crates: over the gate (75) and the target (50).
          new ExpectedAlert(
              "DxDependenciesAboveGate",
              "breach",
              "dx_dependencies_distinct",
              "ecosystem",
              "cargo",
              "/ticket"),
          new ExpectedAlert(
              "DxDependenciesAboveTarget",
              "breach",
              "dx_dependencies_distinct",
              "ecosystem",
              "cargo",
              null),
          // 60 distinct crates: over the target only.
          new ExpectedAlert(
              "DxDependenciesAboveTarget",
              "target-miss",
              "dx_dependencies_distinct",
              "ecosystem",
              "cargo",
              "/digest"),
          // A malformed Cargo.toml beside a good package.json: cargo unreadable, npm still counted.
          new ExpectedAlert(
              "DxDependencyManifestUnreadable",
              "half-broken",
              "dx_dependencies_read_success",
              "ecosystem",
              "cargo",
              "/ticket"),
          // A discovered JUnit report whose runs took 601 s and 602 s: the critical timeout pages
          // on the second.
          new ExpectedAlert(
              "DxTestSuiteTimeout",
              "slow-tests",
              "dx_tests_duration_seconds",
              "report",
              "unit",
              "/pager"),
          // The gate warning is delivered for the first slow run, before the second is evidence.
          new ExpectedAlert(
              "DxTestSuiteSlow",
              "slow-tests",
              "dx_tests_duration_seconds",
              "report",
              "unit",
              "/ticket"),
          // Five pushed runs in which one of two cases is flaky every time.
          new ExpectedAlert(
              "DxTestsFlaky",
              "pushed",
              "dx_tests_flaky_ratio",
              "objective",
              "flaky_tests",
              "/ticket"),
          // 90 % line coverage found on disk, then a pushed report at 50 %.
          new ExpectedAlert(
              "DxCoverageDropped", "pushed", "dx_coverage_ratio", "report", "lcov", "/ticket"),
          // Two real JMH runs pushed, the second one with 15 % more work per operation.
          new ExpectedAlert(
              "DxBenchmarkRegression",
              "pushed",
              "dx_benchmark_performance_change_ratio",
              "benchmark",
              "dev.dxexporter.ingest.bench.RegressionDemoBenchmark.work",
              "/ticket"),
          // A pushed clean build of 301 s; a real 1.2 s build run by dx-exporter record.
          new ExpectedAlert(
              "DxCleanBuildSlow",
              "pushed",
              "dx_build_duration_seconds",
              "build",
              "release",
              "/ticket"),
          new ExpectedAlert(
              "DxIncrementalBuildSlow",
              "pushed",
              "dx_build_duration_seconds",
              "build",
              "dev",
              "/digest"),
          // Ten finished runs by webhook, two failed (80 %): the critical alert silences the
          // target; the latest run took 1,000 s.
          new ExpectedAlert(
              "DxCIPipelineFailing", "ci", "dx_ci_success_ratio", "pipeline", "test", "/pager"),
          new ExpectedAlert(
              "DxCISuccessRateBelowTarget", "ci", "dx_ci_success_ratio", "pipeline", "test", null),
          new ExpectedAlert(
              "DxCIPipelineSlow",
              "ci",
              "dx_ci_last_run_duration_seconds",
              "pipeline",
              "test",
              "/digest"),
          // A malformed Cargo.toml as the only ecosystem: the whole dependency collector fails,
          // and still reports cargo unreadable (issue 11); that ticket names the ecosystem and
          // inhibits the generic collector one.
          new ExpectedAlert(
              "DxDependencyManifestUnreadable",
              "broken",
              "dx_dependencies_read_success",
              "ecosystem",
              "cargo",
              "/ticket"),
          new ExpectedAlert(
              "DxCollectorFailing",
              "broken",
              "dx_collector_success",
              "collector",
              "dependencies",
              null));
}
