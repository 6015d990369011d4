package dev.dxexporter.store;

import java.util.List;

/**
 * The figures of one cargo {@code --timings} report as stored: what the builds collector shows.
 *
 * @param units compile time per unit label, slowest first (units of one label summed)
 * @param dirtyUnits units the report lists as compiled
 */
public record BuildTimings(double totalSeconds, long dirtyUnits, List<UnitTime> units) {
  /** Units kept per report: far more than a large workspace compiles. */
  public static final int MAX_UNITS = 20_000;

  public BuildTimings {
    units = List.copyOf(units);
    if (!Double.isFinite(totalSeconds) || totalSeconds < 0 || dirtyUnits < 0) {
      throw new IllegalArgumentException("timings figures must be finite and not negative");
    }
    if (units.size() > MAX_UNITS) {
      throw new IllegalArgumentException("more than " + MAX_UNITS + " units");
    }
  }

  /** One unit label's compile time. */
  public record UnitTime(String label, double seconds) {
    public UnitTime {
      if (label == null || label.isEmpty() || !Double.isFinite(seconds) || seconds < 0) {
        throw new IllegalArgumentException("a unit needs a label and a duration >= 0");
      }
    }
  }
}
