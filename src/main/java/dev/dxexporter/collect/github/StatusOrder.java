package dev.dxexporter.collect.github;

import java.time.Instant;
import java.util.Comparator;

/**
 * The total orders that decide which of two descriptions of the same run attempt or job is the
 * later one. Because the reducer keeps the maximum under a total order, applying events in any
 * order, any number of times, gives the same state.
 */
final class StatusOrder {
  /**
   * Runs: requested/pending, then queued/waiting, then in_progress, then completed. A run that
   * completed with {@code action_required} (a fork's run awaiting approval) is not final: it ranks
   * with queued so that the approved run's events replace it. Ties go to the later updated_at.
   */
  static final Comparator<WorkflowRun> RUN =
      Comparator.comparingInt((WorkflowRun r) -> rank(r))
          .thenComparing(WorkflowRun::updatedAt, nullsFirst())
          .thenComparing(StatusOrder::canonical);

  /**
   * Jobs carry no updated_at, so the rank separates waiting (for an environment's approval) from
   * queued, and ties go to the later completion, the later start, then the more steps done.
   */
  static final Comparator<WorkflowJob> JOB =
      Comparator.comparingInt((WorkflowJob j) -> rank(j))
          .thenComparing(WorkflowJob::completedAt, nullsFirst())
          .thenComparing(WorkflowJob::startedAt, nullsFirst())
          .thenComparingLong(j -> j.steps().stream().filter(WorkflowStep::completed).count())
          .thenComparingLong(j -> j.steps().stream().filter(s -> s.startedAt() != null).count())
          .thenComparing(StatusOrder::canonical);

  static int rank(WorkflowRun run) {
    String status = run.status() == null ? "" : run.status();
    return switch (status) {
      case "completed" -> "action_required".equals(run.conclusion()) ? 1 : 3;
      case "in_progress" -> 2;
      case "queued", "waiting" -> 1;
      default -> 0;
    };
  }

  static int rank(WorkflowJob job) {
    String status = job.status() == null ? "" : job.status();
    return switch (status) {
      case "completed" -> 4;
      case "in_progress" -> 3;
      case "queued" -> 2;
      case "waiting" -> 1;
      default -> 0;
    };
  }

  private static Comparator<Instant> nullsFirst() {
    return Comparator.nullsFirst(Comparator.naturalOrder());
  }

  /**
   * The last resort between two different descriptions with the same status and times: any total
   * order does, as long as it does not depend on arrival order; the record's text is one.
   */
  private static String canonical(Record r) {
    return r.toString();
  }

  private StatusOrder() {}
}
