package dev.dxexporter.collect.build;

/**
 * One phase of a unit's compilation as cargo's timing report shows it: {@code frontend} (parsing,
 * type checking, up to the {@code .rmeta}), {@code codegen}, and with {@code -Zsection-timings}
 * also {@code link} and {@code other}. Times are seconds from the unit's own start.
 */
public record CargoSection(String name, double startSeconds, double endSeconds) {
  /**
   * The section's length; never negative (cargo's own rounding can put the end before the start).
   */
  public double durationSeconds() {
    return Math.max(0, endSeconds - startSeconds);
  }
}
