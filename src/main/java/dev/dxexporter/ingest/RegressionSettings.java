package dev.dxexporter.ingest;

import dev.dxexporter.collect.bench.RegressionPolicy;

/**
 * How a benchmark's regression verdict is made: the policy (threshold, significance, the fewest
 * values a side), how many past base-branch results to compare with, and which branch that is.
 */
public record RegressionSettings(RegressionPolicy policy, int history, String baseBranch) {
  public static final RegressionSettings DEFAULT =
      new RegressionSettings(RegressionPolicy.DEFAULT, 20, "main");

  public RegressionSettings {
    if (history < 1) {
      throw new IllegalArgumentException("history must be at least 1");
    }
  }
}
