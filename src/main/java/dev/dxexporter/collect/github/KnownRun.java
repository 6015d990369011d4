package dev.dxexporter.collect.github;

import java.time.Instant;
import java.util.Objects;

/**
 * What the caller already holds of a run, so that a poll reports only what changed and fetches jobs
 * only where they may still change.
 *
 * @param jobsFinal the jobs of {@code runAttempt} were stored after the run completed and all of
 *     them were completed: they will not change, and are not asked for again
 */
public record KnownRun(
    long runId,
    int runAttempt,
    String status,
    String conclusion,
    Instant updatedAt,
    boolean jobsFinal) {

  /** From a reducer state. */
  public static KnownRun of(WorkflowRunState state, boolean jobsFinal) {
    WorkflowRun run = state.latest();
    return new KnownRun(
        run.id(), run.runAttempt(), run.status(), run.conclusion(), run.updatedAt(), jobsFinal);
  }

  boolean sameAs(WorkflowRun run) {
    return run.runAttempt() == runAttempt
        && Objects.equals(run.status(), status)
        && Objects.equals(run.conclusion(), conclusion)
        && Objects.equals(run.updatedAt(), updatedAt);
  }

  boolean done(WorkflowRun run) {
    return jobsFinal && run.completed() && run.runAttempt() == runAttempt;
  }
}
