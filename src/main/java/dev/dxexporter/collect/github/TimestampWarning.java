package dev.dxexporter.collect.github;

import java.time.Instant;

/**
 * An impossible timestamp or duration that was clamped; the caller counts these (a metric) and may
 * log them. Real payloads do this: a run attempt created two seconds after it started, a queued run
 * "updated" before it "started".
 *
 * @param subject what it is about, e.g. {@code run 3881497935 attempt 2} or {@code job 10545727758
 *     step 3}
 * @param field the JSON field, e.g. {@code completed_at}, or {@code duration}
 * @param original the value received (for a duration: the end of the too-long span)
 * @param replacement the value used instead; null when the value was dropped
 */
public record TimestampWarning(
    String subject, String field, Problem problem, Instant original, Instant replacement) {

  /** What was wrong. */
  public enum Problem {
    /** Before 2008 (before GitHub existed): dropped. */
    BEFORE_2008,
    /** More than a day after the time of application: dropped. */
    IN_THE_FUTURE,
    /** Started before it was created: moved to the creation time. */
    STARTED_BEFORE_CREATED,
    /** Completed before it started: moved to the start time. */
    COMPLETED_BEFORE_STARTED,
    /** A duration over {@link Durations#MAX}: clamped to it. */
    DURATION_TOO_LONG
  }
}
