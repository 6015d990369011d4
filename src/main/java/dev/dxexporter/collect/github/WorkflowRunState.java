package dev.dxexporter.collect.github;

import java.util.List;
import java.util.Optional;

/**
 * What is known of one workflow run: the latest description of each attempt seen, in attempt order.
 * The run's status and result are its latest attempt's; earlier attempts stay available (a failure
 * then a success on re-run is a flaky signal).
 *
 * @param attempts ascending by attempt number, one per attempt, never empty
 */
public record WorkflowRunState(long runId, List<WorkflowRun> attempts) {
  /** Attempts kept per run; GitHub allows 50 re-runs, the oldest beyond this are forgotten. */
  public static final int MAX_ATTEMPTS = 64;

  public WorkflowRunState {
    attempts = List.copyOf(attempts);
    if (attempts.isEmpty()) {
      throw new IllegalArgumentException("a run state needs an attempt");
    }
  }

  /** The latest attempt: the run's status, conclusion and timing. */
  public WorkflowRun latest() {
    return attempts.get(attempts.size() - 1);
  }

  public Optional<WorkflowRun> attempt(int number) {
    return attempts.stream().filter(a -> a.runAttempt() == number).findFirst();
  }
}
