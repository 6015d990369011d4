package dev.dxexporter.gate;

import dev.dxexporter.gate.Objective.Direction;
import dev.dxexporter.gate.Objective.Priority;
import dev.dxexporter.gate.Objective.Unit;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalDouble;

/**
 * The roadmap's objectives (DESIGN.md "Thresholds"; the roadmap's Quick Reference Card, Success
 * Metrics, Gates Added and Alert Thresholds), in base units: seconds, bytes as decimal GB (1 GB =
 * 10^9 bytes), ratios. The single source of truth: the alert rules, the dashboard thresholds and
 * the chart are tested against it ({@code ThresholdDriftTest}), and the gate reads it.
 */
public final class Objectives {
  private static final double GB = 1e9;

  public static final List<Objective> DEFAULTS =
      List.of(
          new Objective(
              "incremental_build",
              "Incremental build",
              "dx_build_duration_seconds{kind=\"incremental\"}",
              Direction.LOWER_IS_BETTER,
              of(1),
              none(),
              none(),
              Unit.SECONDS,
              Priority.NONE),
          new Objective(
              "clean_build",
              "Clean build",
              "dx_build_duration_seconds{kind=\"clean\"}",
              Direction.LOWER_IS_BETTER,
              of(90),
              of(300),
              of(300),
              Unit.SECONDS,
              Priority.NONE),
          new Objective(
              "test_suite",
              "Test suite",
              "dx_tests_duration_seconds",
              Direction.LOWER_IS_BETTER,
              of(300),
              of(300),
              of(600),
              Unit.SECONDS,
              Priority.P0),
          new Objective(
              "test_feedback",
              "Test feedback",
              "dx_tests_duration_seconds",
              Direction.LOWER_IS_BETTER,
              of(120),
              none(),
              none(),
              Unit.SECONDS,
              Priority.P0),
          new Objective(
              "ci_pipeline_duration",
              "CI pipeline",
              "dx_ci_last_run_duration_seconds",
              Direction.LOWER_IS_BETTER,
              of(900),
              none(),
              none(),
              Unit.SECONDS,
              Priority.P0),
          new Objective(
              "ci_success_rate",
              "CI success rate",
              "dx_ci_success_ratio",
              Direction.HIGHER_IS_BETTER,
              of(0.95),
              none(),
              of(0.90),
              Unit.RATIO,
              Priority.P0),
          new Objective(
              "build_cache_size",
              "Build cache",
              "dx_cache_size_bytes",
              Direction.LOWER_IS_BETTER,
              of(5 * GB),
              of(6 * GB),
              of(10 * GB),
              Unit.BYTES,
              Priority.P1),
          new Objective(
              "dependencies",
              "Dependencies",
              "dx_dependencies_distinct",
              Direction.LOWER_IS_BETTER,
              of(50),
              of(75),
              none(),
              Unit.COUNT,
              Priority.P2),
          // Not roadmap lines: the roadmap tracks the flaky rate and coverage but draws no line for
          // them. 5 % of the cases flaky, and coverage 5 points below its 7-day high, are ours.
          new Objective(
              "flaky_tests",
              "Flaky tests",
              "dx_tests_flaky_ratio",
              Direction.LOWER_IS_BETTER,
              none(),
              none(),
              of(0.05),
              Unit.RATIO,
              Priority.NONE),
          new Objective(
              "coverage_drop",
              "Coverage drop",
              "max_over_time(dx_coverage_ratio{kind=\"line\"}[7d]) - dx_coverage_ratio{kind=\"line\"}",
              Direction.LOWER_IS_BETTER,
              none(),
              none(),
              of(0.05),
              Unit.RATIO,
              Priority.NONE),
          // The roadmap's gate is "benchmark regression ±10 %": a slowdown past -10 % fails. The
          // change ratio is sign-normalised (negative = worse), so gate and alert are lower lines.
          new Objective(
              "benchmark_change",
              "Benchmark change",
              "dx_benchmark_performance_change_ratio",
              Direction.HIGHER_IS_BETTER,
              none(),
              of(-0.10),
              of(-0.10),
              Unit.RATIO,
              Priority.NONE));

  private Objectives() {}

  /** The default objective called {@code name}. */
  public static Objective named(String name) {
    return DEFAULTS.stream()
        .filter(o -> o.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new NoSuchElementException("no objective " + name));
  }

  private static OptionalDouble of(double v) {
    return OptionalDouble.of(v);
  }

  private static OptionalDouble none() {
    return OptionalDouble.empty();
  }
}
