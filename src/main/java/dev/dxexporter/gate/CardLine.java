package dev.dxexporter.gate;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * One row of the Quick Reference Card: the project's objective (its own levels), the current value
 * when there is one, when it was collected, its status, and the recent values for a trend.
 *
 * @param current the worst series of the objective's metric (the largest duration, the lowest
 *     success ratio): one cache over the line is a cache over the line
 * @param history older values, oldest first, ending with the latest; empty when none are stored
 * @param exported whether the project exports any series of the objective's metric family: only
 *     then is the objective's line exported as {@code dx_objective_threshold}, since a line without
 *     a series to compare has nothing to say (and at a thousand projects the unused lines were most
 *     of the exposition)
 */
public record CardLine(
    Objective objective,
    OptionalDouble current,
    Optional<Instant> collectedAt,
    Status status,
    List<Double> history,
    boolean exported) {
  public CardLine {
    history = List.copyOf(history);
  }

  /**
   * How far the current value is from the goal, in the metric's unit, positive when it has to move
   * (down for durations and sizes, up for ratios); empty without data or when the goal is met.
   */
  public OptionalDouble gap() {
    OptionalDouble goal = objective.goal();
    if (current.isEmpty() || goal.isEmpty() || status == Status.MET) {
      return OptionalDouble.empty();
    }
    double d = current.getAsDouble() - goal.getAsDouble();
    return OptionalDouble.of(objective.direction() == Objective.Direction.LOWER_IS_BETTER ? d : -d);
  }

  /** Whether the value breaks the gate (false without data or without a gate). */
  public boolean gateFails() {
    return status == Status.GATE_FAILED;
  }
}
