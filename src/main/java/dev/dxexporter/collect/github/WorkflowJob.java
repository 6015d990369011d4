package dev.dxexporter.collect.github;

import java.time.Instant;
import java.util.List;

/**
 * One job of one run attempt ({@code workflow_job} webhook or {@code /actions/runs/{id}/jobs}). A
 * re-run creates new jobs with new ids, so a job belongs to exactly one attempt.
 *
 * @param repository {@code owner/name}; from the payload, or from the polled repository
 * @param startedAt while a job is queued or waiting GitHub sets this to the creation time, so it
 *     means "started" only once {@link #status} is in_progress or completed
 * @param labels the runs-on labels (bounded by the workflow file; the runner name is not)
 * @param runnerName the runner that took the job: one per machine, or per job for ephemeral
 *     runners, so never a metric label
 */
public record WorkflowJob(
    long id,
    long runId,
    int runAttempt,
    String name,
    String workflowName,
    String repository,
    String headBranch,
    String status,
    String conclusion,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    List<WorkflowStep> steps,
    List<String> labels,
    String runnerName,
    String htmlUrl) {

  public WorkflowJob {
    steps = List.copyOf(steps);
    labels = List.copyOf(labels);
  }

  public boolean completed() {
    return "completed".equals(status);
  }

  WorkflowJob withTimes(Instant created, Instant started, Instant completed, List<WorkflowStep> s) {
    return new WorkflowJob(
        id,
        runId,
        runAttempt,
        name,
        workflowName,
        repository,
        headBranch,
        status,
        conclusion,
        created,
        started,
        completed,
        s,
        labels,
        runnerName,
        htmlUrl);
  }
}
