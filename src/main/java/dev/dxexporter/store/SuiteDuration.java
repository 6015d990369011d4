package dev.dxexporter.store;

/** One suite of a test report (a crate, a binary, a class: whatever the format groups by). */
public record SuiteDuration(String name, double seconds, long cases) {
  public SuiteDuration {
    if (name == null) {
      throw new IllegalArgumentException("suite name must not be null");
    }
    Seconds.check("suite seconds", seconds);
    if (cases < 0) {
      throw new IllegalArgumentException("suite cases must not be negative");
    }
  }
}
