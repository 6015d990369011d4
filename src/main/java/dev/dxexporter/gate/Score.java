package dev.dxexporter.gate;

import java.util.List;
import java.util.OptionalDouble;

/**
 * The roadmap's DX score of one project, 0–10 (README "The DX score"): every objective with data
 * weighs by its priority (P0 3, P1 2, P2 1, none 1); the score is 10 × the weight of the objectives
 * that meet their goal over the weight of all objectives with data, to one decimal. Objectives
 * without data are left out (they neither help nor hurt) and counted; with none, there is no score.
 */
public record Score(OptionalDouble value, int met, int unmet, int noData) {

  /** The score as the card writes it: {@code 2.5/10}, or {@code none} without data. */
  public String text() {
    return value.isPresent()
        ? String.format(java.util.Locale.ROOT, "%.1f/10", value.getAsDouble())
        : "none";
  }

  /** What the score is made of: {@code 2 met, 3 not met, 6 without data}. */
  public String counts() {
    return met + " met, " + unmet + " not met, " + noData + " without data";
  }

  /** The weight of an objective of {@code priority}. */
  static int weight(Objective.Priority priority) {
    return switch (priority) {
      case P0 -> 3;
      case P1 -> 2;
      case P2, NONE -> 1;
    };
  }

  public static Score of(List<CardLine> lines) {
    int met = 0;
    int unmet = 0;
    int noData = 0;
    int weightMet = 0;
    int weightAll = 0;
    for (CardLine l : lines) {
      if (l.status() == Status.NO_DATA) {
        noData++;
        continue;
      }
      int w = weight(l.objective().priority());
      weightAll += w;
      if (l.status() == Status.MET) {
        met++;
        weightMet += w;
      } else {
        unmet++;
      }
    }
    OptionalDouble value =
        weightAll == 0
            ? OptionalDouble.empty()
            : OptionalDouble.of(Math.round(100.0 * weightMet / weightAll) / 10.0);
    return new Score(value, met, unmet, noData);
  }
}
