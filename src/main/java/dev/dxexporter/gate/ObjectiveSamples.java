package dev.dxexporter.gate;

import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The card as series: each project's own lines ({@code dx_objective_threshold}) of the objectives
 * whose metric it exports, whether each objective with data meets its goal ({@code
 * dx_objective_met}), the DX score and how many objectives it was made of. Computed when a
 * collector's samples change, never per scrape.
 */
public final class ObjectiveSamples {
  private static final String DERIVED =
      " Derived from the other dx_ series whenever a collector run changes them.";
  static final MetricFamily THRESHOLD =
      MetricFamily.gauge(
          "dx_objective_threshold",
          "The project's line of an objective at a level (target, gate, alert), in the unit of the"
              + " objective's metric: config overrides, else the roadmap's number."
              + DERIVED);
  static final MetricFamily MET =
      MetricFamily.gauge(
          "dx_objective_met",
          "1 when the objective's current value meets its goal (target, else gate, else alert"
              + " line), 0 when not; absent without data."
              + DERIVED);
  static final MetricFamily SCORE =
      MetricFamily.gauge(
          "dx_score",
          "The project's DX score, 0-10: priority-weighted share of the objectives with data that"
              + " meet their goal (README, The DX score)."
              + DERIVED);
  static final MetricFamily SCORE_OBJECTIVES =
      MetricFamily.gauge(
          "dx_score_objectives",
          "Objectives behind dx_score by state: met, unmet, no_data (left out of the score)."
              + DERIVED);

  private ObjectiveSamples() {}

  public static List<Sample> of(List<Card> cards) {
    List<Sample> out = new ArrayList<>();
    for (Card card : cards) {
      String p = card.project();
      for (CardLine line : card.lines()) {
        Objective o = line.objective();
        for (Level level : Level.values()) {
          OptionalDouble v = level.of(o);
          if (line.exported() && v.isPresent()) {
            out.add(
                Sample.of(
                    THRESHOLD,
                    v.getAsDouble(),
                    "project",
                    p,
                    "objective",
                    o.name(),
                    "level",
                    level.label()));
          }
        }
        if (line.status() != Status.NO_DATA) {
          out.add(
              Sample.of(
                  MET, line.status() == Status.MET ? 1 : 0, "project", p, "objective", o.name()));
        }
      }
      Score score = card.score();
      score.value().ifPresent(v -> out.add(Sample.of(SCORE, v, "project", p)));
      out.add(Sample.of(SCORE_OBJECTIVES, score.met(), "project", p, "state", "met"));
      out.add(Sample.of(SCORE_OBJECTIVES, score.unmet(), "project", p, "state", "unmet"));
      out.add(Sample.of(SCORE_OBJECTIVES, score.noData(), "project", p, "state", "no_data"));
    }
    return out;
  }
}
