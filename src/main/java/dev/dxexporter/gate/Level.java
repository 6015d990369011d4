package dev.dxexporter.gate;

import java.util.OptionalDouble;

/**
 * The three lines of an objective, as the {@code level} label of {@code dx_objective_threshold}.
 */
public enum Level {
  TARGET,
  GATE,
  ALERT;

  /** The label value and config key: {@code target}, {@code gate}, {@code alert}. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** This level of {@code objective}; empty when the objective draws no such line. */
  public OptionalDouble of(Objective objective) {
    return switch (this) {
      case TARGET -> objective.target();
      case GATE -> objective.gate();
      case ALERT -> objective.alert();
    };
  }
}
