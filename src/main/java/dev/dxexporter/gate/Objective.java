package dev.dxexporter.gate;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * One line of the roadmap: what is measured ({@code metric}, a PromQL selector over the exporter's
 * series), which way is better, the Quick Reference Card's target, the CI gate, the alert line, the
 * unit the numbers are in (base units: seconds, bytes, ratios) and the card's priority. Absent
 * levels are not part of the roadmap for this objective.
 */
public record Objective(
    String name,
    String title,
    String metric,
    Direction direction,
    OptionalDouble target,
    OptionalDouble gate,
    OptionalDouble alert,
    Unit unit,
    Priority priority) {

  /** Which way the value should move. */
  public enum Direction {
    /** Durations, sizes, counts: the value must stay below the line. */
    LOWER_IS_BETTER,
    /** Ratios of success, benchmark change: the value must stay above the line. */
    HIGHER_IS_BETTER
  }

  /** The unit of the metric and of every level. */
  public enum Unit {
    SECONDS,
    BYTES,
    RATIO,
    COUNT
  }

  /** The Quick Reference Card's priority of closing the gap (P0 first). */
  public enum Priority {
    P0,
    P1,
    P2,
    NONE
  }

  public Objective {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(direction, "direction");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(priority, "priority");
  }

  /**
   * Whether {@code value} is on the good side of {@code line} (strictly: the roadmap's "< 90 s").
   */
  public boolean meets(double value, double line) {
    return direction == Direction.LOWER_IS_BETTER ? value < line : value > line;
  }

  /** This objective with {@code level} drawn at {@code line} (a project's own number). */
  public Objective withLevel(Level level, double line) {
    OptionalDouble v = OptionalDouble.of(line);
    return new Objective(
        name,
        title,
        metric,
        direction,
        level == Level.TARGET ? v : target,
        level == Level.GATE ? v : gate,
        level == Level.ALERT ? v : alert,
        unit,
        priority);
  }

  /**
   * The line {@code dx_objective_met} and the score judge by: the target, or the gate where the
   * roadmap draws no target, or the alert line where it draws neither.
   */
  public OptionalDouble goal() {
    return target.isPresent() ? target : gate.isPresent() ? gate : alert;
  }

  /** The comparison operator of an alert on this objective: {@code >} or {@code <}. */
  public String alertOperator() {
    return direction == Direction.LOWER_IS_BETTER ? ">" : "<";
  }
}
