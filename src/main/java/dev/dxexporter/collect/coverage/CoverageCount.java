package dev.dxexporter.collect.coverage;

import java.util.OptionalDouble;

/**
 * Covered and total items of one kind (lines, branches, functions) in one report: the counts
 * Prometheus can add up across reports, and the ratio derived from them.
 *
 * @param covered items executed at least once, {@code 0 <= covered <= total}
 * @param total items that could be executed
 */
public record CoverageCount(long covered, long total) {
  /** Nothing to cover. */
  public static final CoverageCount NONE = new CoverageCount(0, 0);

  public CoverageCount {
    if (covered < 0 || total < 0 || covered > total) {
      throw new IllegalArgumentException("invalid coverage count " + covered + "/" + total);
    }
  }

  /**
   * {@code covered / total}, or empty when there is nothing to cover (0/0). Empty is never turned
   * into NaN, 0 or 1 here: a report without branches has no branch ratio, and the caller decides
   * whether to export a sample at all.
   */
  public OptionalDouble ratio() {
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) covered / total);
  }

  /** This count plus {@code other}; fails on overflow rather than wrapping. */
  public CoverageCount plus(CoverageCount other) {
    return new CoverageCount(
        Math.addExact(covered, other.covered), Math.addExact(total, other.total));
  }

  @Override
  public String toString() {
    return covered + "/" + total;
  }
}
