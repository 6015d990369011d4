package dev.dxexporter.collect.github;

import java.util.List;

/**
 * The jobs of one attempt of one run.
 *
 * @param latestAttempt whether these are the run's latest attempt's jobs (else a backfilled earlier
 *     attempt)
 * @param allCompleted every job is completed; with the run completed, the caller may mark the run's
 *     jobs final ({@link KnownRun#jobsFinal})
 */
public record RunJobs(
    long runId,
    int runAttempt,
    boolean latestAttempt,
    List<WorkflowJob> jobs,
    boolean allCompleted) {
  public RunJobs {
    jobs = List.copyOf(jobs);
  }
}
