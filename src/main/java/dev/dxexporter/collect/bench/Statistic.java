package dev.dxexporter.collect.bench;

import java.util.Locale;

/**
 * A per-iteration estimate of a benchmark's time. The 50th percentile is {@link #MEDIAN}; {@link
 * #SLOPE} is criterion's linear-regression estimate (linear sampling only); {@link #ESTIMATE} is a
 * tool's single point estimate whose statistic the file does not say (Julia's {@code
 * TrialEstimate}, a custom JSON value, libtest's median-or-so).
 */
public enum Statistic {
  MEAN,
  MEDIAN,
  SLOPE,
  STDDEV,
  MIN,
  MAX,
  P90,
  P95,
  P99,
  ESTIMATE;

  /** The label value, e.g. {@code p95}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
