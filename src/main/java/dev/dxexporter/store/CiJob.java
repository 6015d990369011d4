package dev.dxexporter.store;

import java.time.Instant;
import java.util.List;

/**
 * One job of one run attempt as stored, with its steps.
 *
 * @param orderKey as {@link CiRun#orderKey}, for descriptions of the same job
 */
public record CiJob(
    String project,
    String repository,
    long jobId,
    long runId,
    int runAttempt,
    String pipeline,
    String name,
    String status,
    String conclusion,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    String htmlUrl,
    String orderKey,
    List<CiStep> steps) {
  public CiJob {
    steps = List.copyOf(steps);
  }

  public boolean completed() {
    return "completed".equals(status);
  }
}
