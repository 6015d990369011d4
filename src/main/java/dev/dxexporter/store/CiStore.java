package dev.dxexporter.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The CI part of the store: run attempts, jobs and steps from webhooks and polls, the delivery ids
 * seen, and the tally of finished runs. Same guarantees as {@link Store}: an apply is one
 * transaction, durable when it returns.
 */
public interface CiStore {
  /** Applies a batch: later descriptions replace earlier ones, never the other way round. */
  CiApplied apply(CiBatch batch);

  /** Run attempts of the project updated (or created) at or after {@code since}, newest first. */
  List<CiRun> runs(String project, Instant since, int limit);

  /** Run attempts of one repository, newest run first: what a poll compares its listing with. */
  List<CiRun> repositoryRuns(String project, String repository, int limit);

  /** Completed jobs of the project completed at or after {@code since}, newest first. */
  List<CiJob> jobs(String project, Instant since, int limit);

  /** The jobs stored for one attempt of one run. */
  List<CiJob> attemptJobs(String project, String repository, long runId, int runAttempt);

  /** The tally behind {@code dx_ci_runs_total}. */
  List<CiRunCount> runCounts(String project);

  /** Finished run attempts of the repository whose artifacts were not fetched yet, oldest first. */
  List<CiRun> awaitingArtifacts(String project, String repository, int limit);

  /**
   * The head branch of the repository's most recently received run classed {@code default}: the
   * default branch a payload (or the config) named last, for runs whose payload does not.
   */
  Optional<String> defaultBranchSeen(String project, String repository);

  /** Marks one attempt's artifacts as fetched (or given up on). */
  void artifactsDone(String project, String repository, long runId, int runAttempt);
}
