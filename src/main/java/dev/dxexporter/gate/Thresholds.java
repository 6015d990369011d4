package dev.dxexporter.gate;

/**
 * The roadmap's numbers, in base units (seconds, bytes as decimal GB, ratios). This is the single
 * source of truth: alert rules, dashboard thresholds and Helm values are tested against these
 * defaults.
 */
public record Thresholds(
    double incrementalBuildTargetSeconds,
    double cleanBuildTargetSeconds,
    double cleanBuildGateSeconds,
    double cleanBuildAlertSeconds,
    double testSuiteTargetSeconds,
    double testFeedbackTargetSeconds,
    double testSuiteGateSeconds,
    double testSuiteAlertSeconds,
    double ciPipelineTargetSeconds,
    double ciSuccessTargetRatio,
    double ciSuccessAlertRatio,
    double cacheTargetBytes,
    double cacheGateBytes,
    double cacheAlertBytes,
    double dependenciesTarget,
    double dependenciesGate,
    double benchmarkChangeGateRatio,
    double benchmarkChangeAlertRatio) {

  private static final double GB = 1e9;

  /** The defaults of the roadmap (DESIGN.md, "Thresholds"). */
  public static final Thresholds DEFAULTS =
      new Thresholds(
          1, // incremental build < 1 s
          90, // clean build target < 90 s
          300, // clean build gate < 5 min
          300, // clean build alert > 300 s
          300, // test suite target < 300 s
          120, // test feedback < 120 s
          300, // test suite gate < 5 min
          600, // test suite alert > 600 s
          900, // CI pipeline < 15 min
          0.95, // CI success > 95 %
          0.90, // CI success alert < 0.90
          5 * GB, // cache target < 5 GB
          6 * GB, // cache gate < 6 GB
          10 * GB, // cache alert > 10 GB
          50, // dependencies target < 50
          75, // dependencies gate < 75
          0.10, // benchmark change gate +-10 %
          -0.10); // benchmark change alert < -0.10
}
