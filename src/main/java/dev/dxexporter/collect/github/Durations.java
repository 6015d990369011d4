package dev.dxexporter.collect.github;

import dev.dxexporter.collect.github.TimestampWarning.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Durations from (already sanitized) states, as GitHub defines them: a run attempt ran from {@code
 * run_started_at} to its {@code updated_at} once completed and queued from {@code created_at} to
 * {@code run_started_at}; a job queued from {@code created_at} to {@code started_at} and ran to
 * {@code completed_at}; a step ran from {@code started_at} to {@code completed_at}.
 */
public final class Durations {
  /** GitHub stops any workflow run after 35 days, so a longer span is a bad timestamp. */
  public static final Duration MAX = Duration.ofDays(35);

  /**
   * Queue time only for the first attempt: for a re-run, the run's {@code created_at} is still the
   * first attempt's, so the span to the re-run's start is not waiting time. Without {@code
   * run_started_at} (older API versions) the run ran from {@code created_at}.
   */
  public static Timing of(WorkflowRun run) {
    List<TimestampWarning> warnings = new ArrayList<>();
    String subject = "run " + run.id() + " attempt " + run.runAttempt();
    Instant start = run.runStartedAt() != null ? run.runStartedAt() : run.createdAt();
    Duration queued =
        run.runAttempt() == 1 && run.runStartedAt() != null
            ? span(subject, run.createdAt(), run.runStartedAt(), warnings)
            : null;
    Duration ran = run.completed() ? span(subject, start, run.updatedAt(), warnings) : null;
    return new Timing(queued, ran, warnings);
  }

  /** Queue time once the job has started (before that GitHub fills started_at with created_at). */
  public static Timing of(WorkflowJob job) {
    List<TimestampWarning> warnings = new ArrayList<>();
    String subject = "job " + job.id();
    boolean started = job.completed() || "in_progress".equals(job.status());
    Duration queued = started ? span(subject, job.createdAt(), job.startedAt(), warnings) : null;
    Duration ran =
        job.completed() ? span(subject, job.startedAt(), job.completedAt(), warnings) : null;
    return new Timing(queued, ran, warnings);
  }

  /** Steps have no queue time; skipped steps run for zero seconds. */
  public static Timing of(WorkflowJob job, WorkflowStep step) {
    List<TimestampWarning> warnings = new ArrayList<>();
    String subject = "job " + job.id() + " step " + step.number();
    Duration ran =
        step.completed() ? span(subject, step.startedAt(), step.completedAt(), warnings) : null;
    return new Timing(null, ran, warnings);
  }

  private static Duration span(
      String subject, Instant from, Instant to, List<TimestampWarning> warnings) {
    if (from == null || to == null) {
      return null;
    }
    Duration span = Duration.between(from, to);
    if (span.isNegative()) {
      // Sanitized states are never out of order; a state built by hand may be.
      return Duration.ZERO;
    }
    if (span.compareTo(MAX) > 0) {
      warnings.add(
          new TimestampWarning(subject, "duration", Problem.DURATION_TOO_LONG, to, from.plus(MAX)));
      return MAX;
    }
    return span;
  }

  private Durations() {}
}
