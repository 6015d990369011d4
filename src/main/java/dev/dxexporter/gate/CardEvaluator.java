package dev.dxexporter.gate;

import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.Sample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Evaluates a project's objectives over what its collectors hold in memory: no I/O, so the page,
 * the exposition and {@code check} can all call it.
 */
public final class CardEvaluator {
  private CardEvaluator() {}

  /**
   * Objectives' metrics, each parsed once for many cards: a render evaluates a thousand projects'
   * cards over mostly the same objectives, and parsing every selector for every card was most of
   * what a render allocated. Not thread-safe: one per batch of cards.
   */
  public static final class ParsedMetrics {
    private final Map<String, ParsedMetric> byMetric = new HashMap<>();

    ParsedMetric of(String metric) {
      return byMetric.computeIfAbsent(metric, ParsedMetric::new);
    }
  }

  private record ParsedMetric(Optional<SeriesSelector> selector, Optional<String> family) {
    ParsedMetric(String metric) {
      this(SeriesSelector.parse(metric), SeriesSelector.family(metric));
    }
  }

  /**
   * @param objectives the project's objectives, with its own levels
   * @param states every collector's state (other projects' are skipped)
   * @param history recent values by objective name, oldest first
   */
  public static Card evaluate(
      String project,
      Path path,
      List<Objective> objectives,
      List<CollectorState> states,
      Map<String, List<Double>> history) {
    return evaluate(project, path, objectives, states, history, new ParsedMetrics());
  }

  /** As above, with the objectives' metrics parsed once for all the cards of a batch. */
  public static Card evaluate(
      String project,
      Path path,
      List<Objective> objectives,
      List<CollectorState> states,
      Map<String, List<Double>> history,
      ParsedMetrics parsed) {
    List<CardLine> lines = new ArrayList<>();
    for (Objective o : objectives) {
      lines.add(
          line(
              project,
              o,
              parsed.of(o.metric()),
              states,
              history.getOrDefault(o.name(), List.of())));
    }
    return new Card(project, path, lines);
  }

  private static CardLine line(
      String project,
      Objective o,
      ParsedMetric metric,
      List<CollectorState> states,
      List<Double> history) {
    Optional<SeriesSelector> selector = metric.selector();
    OptionalDouble worst = OptionalDouble.empty();
    Optional<Instant> at = Optional.empty();
    Optional<String> family = metric.family();
    boolean exported = false;
    for (CollectorState state : states) {
      if (!state.id().project().equals(project)) {
        continue;
      }
      for (Sample s : state.samples()) {
        exported |=
            family.isPresent()
                && s.family().name().equals(family.get())
                && project.equals(s.labels().get("project"));
        if (selector.isPresent() && selector.get().matches(s, project)) {
          double v = ((Sample.Scalar) s).value();
          if (worst.isEmpty() || worse(o, v, worst.getAsDouble())) {
            worst = OptionalDouble.of(v);
            at = state.lastSuccess();
          }
        }
      }
    }
    return new CardLine(o, worst, at, status(o, worst), history, exported);
  }

  private static boolean worse(Objective o, double v, double than) {
    return o.direction() == Objective.Direction.LOWER_IS_BETTER ? v > than : v < than;
  }

  static Status status(Objective o, OptionalDouble value) {
    if (value.isEmpty()) {
      return Status.NO_DATA;
    }
    double v = value.getAsDouble();
    if (o.gate().isPresent() && !o.meets(v, o.gate().getAsDouble())) {
      return Status.GATE_FAILED;
    }
    OptionalDouble goal = o.goal();
    return goal.isEmpty() || o.meets(v, goal.getAsDouble()) ? Status.MET : Status.OFF_TARGET;
  }
}
