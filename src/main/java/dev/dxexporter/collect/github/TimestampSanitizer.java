package dev.dxexporter.collect.github;

import dev.dxexporter.collect.github.TimestampWarning.Problem;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Drops timestamps outside [2008, now + 1 day] and clamps those out of order (started before
 * created, completed before started), collecting a warning for each. Deterministic for a given
 * {@code now}.
 */
final class TimestampSanitizer {
  static final Instant FLOOR = Instant.parse("2008-01-01T00:00:00Z");

  /** Clock skew between GitHub and this host that is tolerated before a date is "future". */
  static final Duration FUTURE_SKEW = Duration.ofDays(1);

  private final Instant ceiling;
  private final List<TimestampWarning> warnings = new ArrayList<>();

  TimestampSanitizer(Instant now) {
    this.ceiling = now.plus(FUTURE_SKEW);
  }

  List<TimestampWarning> warnings() {
    return List.copyOf(warnings);
  }

  WorkflowRun run(WorkflowRun run) {
    String subject = "run " + run.id() + " attempt " + run.runAttempt();
    Instant created = inRange(subject, "created_at", run.createdAt());
    Instant started = inRange(subject, "run_started_at", run.runStartedAt());
    Instant updated = inRange(subject, "updated_at", run.updatedAt());
    started =
        notBefore(subject, "run_started_at", started, created, Problem.STARTED_BEFORE_CREATED);
    // A queued run's updated_at may precede run_started_at (GitHub's own example does); the two
    // only bound a duration once the run is completed.
    if (run.completed()) {
      Instant start = started != null ? started : created;
      updated = notBefore(subject, "updated_at", updated, start, Problem.COMPLETED_BEFORE_STARTED);
    }
    return run.withTimes(created, started, updated);
  }

  WorkflowJob job(WorkflowJob job) {
    String subject = "job " + job.id();
    Instant created = inRange(subject, "created_at", job.createdAt());
    Instant started = inRange(subject, "started_at", job.startedAt());
    Instant completed = inRange(subject, "completed_at", job.completedAt());
    started = notBefore(subject, "started_at", started, created, Problem.STARTED_BEFORE_CREATED);
    completed =
        notBefore(subject, "completed_at", completed, started, Problem.COMPLETED_BEFORE_STARTED);
    List<WorkflowStep> steps = new ArrayList<>(job.steps().size());
    for (WorkflowStep step : job.steps()) {
      steps.add(step(subject + " step " + step.number(), step));
    }
    return job.withTimes(created, started, completed, steps);
  }

  private WorkflowStep step(String subject, WorkflowStep step) {
    Instant started = inRange(subject, "started_at", step.startedAt());
    Instant completed = inRange(subject, "completed_at", step.completedAt());
    completed =
        notBefore(subject, "completed_at", completed, started, Problem.COMPLETED_BEFORE_STARTED);
    return step.withTimes(started, completed);
  }

  private Instant inRange(String subject, String field, Instant value) {
    if (value == null) {
      return null;
    }
    if (value.isBefore(FLOOR)) {
      warnings.add(new TimestampWarning(subject, field, Problem.BEFORE_2008, value, null));
      return null;
    }
    if (value.isAfter(ceiling)) {
      warnings.add(new TimestampWarning(subject, field, Problem.IN_THE_FUTURE, value, null));
      return null;
    }
    return value;
  }

  private Instant notBefore(
      String subject, String field, Instant value, Instant lower, Problem problem) {
    if (value == null || lower == null || !value.isBefore(lower)) {
      return value;
    }
    warnings.add(new TimestampWarning(subject, field, problem, value, lower));
    return lower;
  }
}
