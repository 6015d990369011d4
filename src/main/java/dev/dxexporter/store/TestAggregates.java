package dev.dxexporter.store;

import java.util.Objects;

/**
 * The figures of one test report: counts per result (which must add up to {@code totalCases}) and
 * the wall time of the whole run in seconds.
 */
public record TestAggregates(TestCounts counts, long totalCases, double wallSeconds) {
  public TestAggregates {
    Objects.requireNonNull(counts, "counts");
    if (counts.total() != totalCases) {
      throw new IllegalArgumentException(
          "counts per result add up to " + counts.total() + ", not to totalCases " + totalCases);
    }
    Seconds.check("wallSeconds", wallSeconds);
  }
}
