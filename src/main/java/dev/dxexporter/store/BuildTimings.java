package dev.dxexporter.store;

import java.util.List;

/**
 * The figures of one cargo {@code --timings} report as stored: what the builds collector shows.
 *
 * @param units compile time per unit label, slowest first (units of one label summed); a label
 *     {@code other} holds what is not kept by name
 * @param dirtyUnits units the report lists as compiled
 */
public record BuildTimings(double totalSeconds, long dirtyUnits, List<UnitTime> units) {
  public BuildTimings {
    units = List.copyOf(units);
    if (!Double.isFinite(totalSeconds) || totalSeconds < 0 || dirtyUnits < 0) {
      throw new IllegalArgumentException("timings figures must be finite and not negative");
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
