package dev.dxexporter.collect.github;

import java.time.Instant;

/**
 * One attempt of a GitHub Actions workflow run, as a {@code workflow_run} webhook or the REST API
 * describes it. Re-runs keep {@link #id} and raise {@link #runAttempt}. Timestamps and strings are
 * null when GitHub did not send them (older API versions lack {@code run_attempt} and {@code
 * run_started_at}).
 *
 * @param workflowName the run's {@code name}, or the payload's {@code workflow.name} when empty
 * @param workflowPath the workflow file, e.g. {@code .github/workflows/ci.yml}
 * @param repository {@code owner/name}
 * @param status requested, queued, pending, waiting, in_progress or completed
 * @param conclusion success, failure, cancelled, skipped, timed_out, action_required, neutral,
 *     stale, startup_failure; null until completed
 * @param createdAt when the run (its first attempt) was created; for attempts after the first the
 *     run endpoint keeps the first attempt's creation time
 * @param runStartedAt when this attempt started
 * @param updatedAt last change; the end of the attempt once it is completed
 * @param defaultBranch the repository's default branch as the payload names it ({@code
 *     repository.default_branch}), null when it does not (the REST API's run listing usually omits
 *     it)
 */
public record WorkflowRun(
    long id,
    int runAttempt,
    Long workflowId,
    String workflowName,
    String workflowPath,
    String repository,
    String headBranch,
    String headSha,
    String event,
    String status,
    String conclusion,
    Instant createdAt,
    Instant runStartedAt,
    Instant updatedAt,
    String htmlUrl,
    String defaultBranch) {

  public boolean completed() {
    return "completed".equals(status);
  }

  WorkflowRun withTimes(Instant created, Instant started, Instant updated) {
    return new WorkflowRun(
        id,
        runAttempt,
        workflowId,
        workflowName,
        workflowPath,
        repository,
        headBranch,
        headSha,
        event,
        status,
        conclusion,
        created,
        started,
        updated,
        htmlUrl,
        defaultBranch);
  }
}
