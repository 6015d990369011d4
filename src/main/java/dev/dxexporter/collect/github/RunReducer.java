package dev.dxexporter.collect.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Applies one incoming description of a run attempt or a job to what is known, purely: no I/O, no
 * clock but the {@code now} passed in. Per attempt (and per job) the later description under {@link
 * StatusOrder} wins, so the result is the same whatever the order and multiplicity of the events: a
 * late {@code in_progress} never overwrites {@code completed}, and a re-delivered event changes
 * nothing. Attempts are kept side by side; the latest attempt is the run's result.
 */
public final class RunReducer {
  /**
   * @param current what is known of the run, or null
   * @param now the time of application; only used to recognise dates in the future
   */
  public static Applied<WorkflowRunState> apply(
      WorkflowRunState current, WorkflowRun incoming, Instant now) {
    if (current != null && current.runId() != incoming.id()) {
      throw new IllegalArgumentException(
          "run " + incoming.id() + " applied to the state of run " + current.runId());
    }
    TimestampSanitizer sanitizer = new TimestampSanitizer(now);
    WorkflowRun run = sanitizer.run(incoming);
    if (current == null) {
      return new Applied<>(
          new WorkflowRunState(run.id(), List.of(run)),
          Applied.Change.CREATED,
          sanitizer.warnings());
    }
    List<WorkflowRun> attempts = new ArrayList<>(current.attempts());
    int at = indexOf(attempts, run.runAttempt());
    Applied.Change change;
    if (at < 0) {
      attempts.add(run);
      attempts.sort(Comparator.comparingInt(WorkflowRun::runAttempt));
      while (attempts.size() > WorkflowRunState.MAX_ATTEMPTS) {
        attempts.remove(0);
      }
      change = attempts.contains(run) ? Applied.Change.UPDATED : Applied.Change.STALE;
    } else {
      change = compare(StatusOrder.RUN.compare(run, attempts.get(at)));
      if (change == Applied.Change.UPDATED) {
        attempts.set(at, run);
      }
    }
    WorkflowRunState state =
        change == Applied.Change.UPDATED ? new WorkflowRunState(run.id(), attempts) : current;
    return new Applied<>(state, change, sanitizer.warnings());
  }

  /**
   * @param current what is known of the job (same id), or null
   */
  public static Applied<WorkflowJob> apply(WorkflowJob current, WorkflowJob incoming, Instant now) {
    if (current != null && current.id() != incoming.id()) {
      throw new IllegalArgumentException(
          "job " + incoming.id() + " applied to the state of job " + current.id());
    }
    TimestampSanitizer sanitizer = new TimestampSanitizer(now);
    WorkflowJob job = sanitizer.job(incoming);
    if (current == null) {
      return new Applied<>(job, Applied.Change.CREATED, sanitizer.warnings());
    }
    Applied.Change change = compare(StatusOrder.JOB.compare(job, current));
    return new Applied<>(
        change == Applied.Change.UPDATED ? job : current, change, sanitizer.warnings());
  }

  private static Applied.Change compare(int order) {
    if (order > 0) {
      return Applied.Change.UPDATED;
    }
    return order == 0 ? Applied.Change.UNCHANGED : Applied.Change.STALE;
  }

  private static int indexOf(List<WorkflowRun> attempts, int attempt) {
    for (int i = 0; i < attempts.size(); i++) {
      if (attempts.get(i).runAttempt() == attempt) {
        return i;
      }
    }
    return -1;
  }

  private RunReducer() {}
}
