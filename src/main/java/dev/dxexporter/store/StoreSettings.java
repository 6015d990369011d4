package dev.dxexporter.store;

import java.time.Duration;
import java.util.Objects;

/**
 * How the store keeps and waits.
 *
 * @param retention reports received longer ago than this are deleted by {@code applyRetention}
 * @param maxCaseRows bound on stored test-case rows; above it the oldest reports go first
 * @param lockTimeout how long a write waits for a database locked by another process or connection
 *     before it fails as unavailable
 * @param writerWait how long a write waits for the store's own single writer (another save in this
 *     process, which for a 1,000,000-case report takes seconds)
 */
public record StoreSettings(
    Duration retention, long maxCaseRows, Duration lockTimeout, Duration writerWait) {
  public static final Duration DEFAULT_RETENTION = Duration.ofDays(90);
  public static final long DEFAULT_MAX_CASE_ROWS = 5_000_000;

  public StoreSettings {
    positive("retention", retention);
    positive("lockTimeout", lockTimeout);
    positive("writerWait", writerWait);
    if (maxCaseRows < 1) {
      throw new IllegalArgumentException("maxCaseRows must be at least 1");
    }
  }

  public static StoreSettings defaults() {
    return new StoreSettings(
        DEFAULT_RETENTION, DEFAULT_MAX_CASE_ROWS, Duration.ofSeconds(5), Duration.ofSeconds(60));
  }

  public StoreSettings withRetention(Duration value) {
    return new StoreSettings(value, maxCaseRows, lockTimeout, writerWait);
  }

  public StoreSettings withMaxCaseRows(long value) {
    return new StoreSettings(retention, value, lockTimeout, writerWait);
  }

  public StoreSettings withLockTimeout(Duration value) {
    return new StoreSettings(retention, maxCaseRows, value, writerWait);
  }

  public StoreSettings withWriterWait(Duration value) {
    return new StoreSettings(retention, maxCaseRows, lockTimeout, value);
  }

  private static void positive(String what, Duration d) {
    Objects.requireNonNull(d, what);
    if (d.isNegative() || d.isZero()) {
      throw new IllegalArgumentException(what + " must be positive");
    }
  }
}
