package dev.dxexporter.collect.tests;

import java.time.Instant;

/**
 * The times of a file's top-level items (suites directly under the root, or the root suite itself,
 * and cases written directly under {@code <testsuites>}), summed while the file streams by so that
 * a file with a million suites needs no list of them to give its wall time.
 *
 * @param items how many top-level items there were
 * @param sumSeconds the sum of their times (a suite without a valid {@code time}: its cases' sum)
 * @param maxSeconds the longest of them
 * @param allStarted whether every item had a valid {@code timestamp}
 * @param firstStart the earliest start, null when none had one
 * @param lastEnd the latest start + time, null when none had a start
 */
public record TopLevelTimes(
    int items,
    double sumSeconds,
    double maxSeconds,
    boolean allStarted,
    Instant firstStart,
    Instant lastEnd) {
  public static final TopLevelTimes NONE = new TopLevelTimes(0, 0, 0, true, null, null);

  /** These times with one more item. */
  TopLevelTimes plus(double seconds, Instant start) {
    Instant end = start == null ? null : start.plusNanos(Math.round(seconds * 1e9));
    return new TopLevelTimes(
        items + 1,
        sumSeconds + seconds,
        Math.max(maxSeconds, seconds),
        allStarted && start != null,
        earlier(firstStart, start),
        later(lastEnd, end));
  }

  /** max(start + time) − min(start), when every item had a start. */
  double spanSeconds() {
    return lastEnd == null || firstStart == null
        ? 0
        : Math.max(0, (lastEnd.toEpochMilli() - firstStart.toEpochMilli()) / 1000.0);
  }

  static Instant earlier(Instant a, Instant b) {
    return a == null ? b : b == null || a.isBefore(b) ? a : b;
  }

  static Instant later(Instant a, Instant b) {
    return a == null ? b : b == null || a.isAfter(b) ? a : b;
  }
}
