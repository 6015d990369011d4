package dev.dxexporter.ingest.ci;

import dev.dxexporter.collect.github.Applied;
import dev.dxexporter.collect.github.OrderKey;
import dev.dxexporter.collect.github.RunReducer;
import dev.dxexporter.collect.github.TimestampWarning;
import dev.dxexporter.collect.github.WorkflowJob;
import dev.dxexporter.collect.github.WorkflowRun;
import dev.dxexporter.collect.github.WorkflowStep;
import dev.dxexporter.store.CiJob;
import dev.dxexporter.store.CiRun;
import dev.dxexporter.store.CiStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub's descriptions of runs and jobs as store rows: impossible timestamps clamped (and
 * collected, to be counted), the branch reduced to {@code default} or {@code other}, and the order
 * key that lets the store keep the later description whatever the arrival order.
 */
final class CiRecords {
  static final String UNKNOWN_PIPELINE = "unknown";

  private final String project;
  private final Instant now;
  private final List<TimestampWarning> warnings = new ArrayList<>();

  CiRecords(String project, Instant now) {
    this.project = project;
    this.now = now;
  }

  List<TimestampWarning> warnings() {
    return List.copyOf(warnings);
  }

  CiRun run(WorkflowRun incoming, CiSettings.Repository repo) {
    return run(incoming, repo, null);
  }

  /**
   * @param learned the default branch known otherwise (from earlier payloads), for a run whose
   *     payload does not name it and a repository without a configured one; null if none
   */
  CiRun run(WorkflowRun incoming, CiSettings.Repository repo, String learned) {
    Applied<dev.dxexporter.collect.github.WorkflowRunState> applied =
        RunReducer.apply(null, incoming, now);
    warnings.addAll(applied.warnings());
    WorkflowRun r = applied.state().latest();
    return new CiRun(
        project,
        repo.target().fullName(),
        r.id(),
        Math.max(1, r.runAttempt()),
        pipeline(r.workflowName()),
        r.headBranch(),
        r.headSha(),
        branchClass(
            r.headBranch(),
            repo.defaultBranch(r.defaultBranch() != null ? r.defaultBranch() : learned)),
        r.status() == null ? "unknown" : r.status(),
        r.conclusion(),
        r.createdAt(),
        r.runStartedAt(),
        r.updatedAt(),
        r.htmlUrl(),
        OrderKey.of(r));
  }

  CiJob job(WorkflowJob incoming, CiSettings.Repository repo) {
    Applied<WorkflowJob> applied = RunReducer.apply(null, incoming, now);
    warnings.addAll(applied.warnings());
    WorkflowJob j = applied.state();
    List<CiStep> steps = new ArrayList<>();
    for (WorkflowStep s : j.steps()) {
      steps.add(
          new CiStep(
              s.number(), s.name(), s.status(), s.conclusion(), s.startedAt(), s.completedAt()));
    }
    return new CiJob(
        project,
        repo.target().fullName(),
        j.id(),
        j.runId(),
        Math.max(1, j.runAttempt()),
        pipeline(j.workflowName()),
        j.name() == null ? "unknown" : j.name(),
        j.status() == null ? "unknown" : j.status(),
        j.conclusion(),
        j.createdAt(),
        j.startedAt(),
        j.completedAt(),
        j.htmlUrl(),
        OrderKey.of(j),
        steps);
  }

  static String branchClass(String branch, String defaultBranch) {
    return branch != null && branch.equals(defaultBranch) ? "default" : "other";
  }

  private static String pipeline(String name) {
    return name == null || name.isBlank() ? UNKNOWN_PIPELINE : name;
  }
}
