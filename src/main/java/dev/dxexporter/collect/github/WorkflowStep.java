package dev.dxexporter.collect.github;

import java.time.Instant;

/**
 * One step of a job. Queued steps have no timestamps.
 *
 * @param number the step's position as GitHub numbers it (post steps jump, e.g. 1..8 then 14)
 */
public record WorkflowStep(
    String name,
    int number,
    String status,
    String conclusion,
    Instant startedAt,
    Instant completedAt) {

  public boolean completed() {
    return "completed".equals(status);
  }

  WorkflowStep withTimes(Instant started, Instant completed) {
    return new WorkflowStep(name, number, status, conclusion, started, completed);
  }
}
