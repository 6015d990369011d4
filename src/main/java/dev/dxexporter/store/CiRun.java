package dev.dxexporter.store;

import java.time.Instant;

/**
 * One attempt of one CI workflow run as stored. Timestamps are null when not (yet) known.
 *
 * @param pipeline the workflow's name (a label value)
 * @param headSha the commit the run ran on; null when unknown (rows stored before schema 5)
 * @param branchClass {@code default} or {@code other}
 * @param orderKey the application's total order of descriptions of the same attempt: a stored row
 *     is only replaced by a description with a greater key
 */
public record CiRun(
    String project,
    String repository,
    long runId,
    int runAttempt,
    String pipeline,
    String branch,
    String headSha,
    String branchClass,
    String status,
    String conclusion,
    Instant createdAt,
    Instant startedAt,
    Instant updatedAt,
    String htmlUrl,
    String orderKey) {

  /** Completed with a result that will not change ({@code action_required} waits for approval). */
  public boolean finished() {
    return "completed".equals(status) && !"action_required".equals(conclusion);
  }
}
