package dev.dxexporter.collect.github;

import java.util.List;

/**
 * What one poll of one repository found.
 *
 * @param runs runs (latest attempts) that differ from what the caller knew, to apply with {@link
 *     RunReducer}
 * @param jobs job listings that were fetched fresh, or belong to a changed run
 * @param problem why the poll stopped early (or did not start), or a configured workflow that was
 *     not found (the other workflows were still polled); null when all went well. What was gathered
 *     is in {@code runs} and {@code jobs} either way
 * @param fetched responses answered 200 (each cost primary quota)
 * @param notModified responses answered 304 (no quota)
 */
public record PollResult(
    RepositoryTarget target,
    List<WorkflowRun> runs,
    List<RunJobs> jobs,
    ApiException problem,
    int fetched,
    int notModified) {
  public PollResult {
    runs = List.copyOf(runs);
    jobs = List.copyOf(jobs);
  }

  public boolean complete() {
    return problem == null;
  }
}
