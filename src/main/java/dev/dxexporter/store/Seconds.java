package dev.dxexporter.store;

/** Validation of durations handed to the store: finite and not negative. */
final class Seconds {
  private Seconds() {}

  static double check(String what, double seconds) {
    if (!Double.isFinite(seconds) || seconds < 0) {
      throw new IllegalArgumentException(
          what + " must be a finite, non-negative number of seconds");
    }
    return seconds;
  }
}
