package dev.dxexporter.store;

import java.util.Objects;
import java.util.OptionalDouble;

/** Covered out of total for one kind in one coverage report. */
public record CoveragePoint(CoverageKind kind, long covered, long total) {
  public CoveragePoint {
    Objects.requireNonNull(kind, "kind");
    if (covered < 0 || total < 0 || covered > total) {
      throw new IllegalArgumentException(
          "coverage must satisfy 0 <= covered <= total, got " + covered + "/" + total);
    }
  }

  /** covered / total, empty when there is nothing to cover. */
  public OptionalDouble ratio() {
    return total == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) covered / total);
  }
}
