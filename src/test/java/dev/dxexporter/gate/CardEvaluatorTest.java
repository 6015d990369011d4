package dev.dxexporter.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.metrics.CollectorId;
import dev.dxexporter.metrics.CollectorState;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The roadmap's own card (seed, "Quick Reference Card"): incremental 0.22 s, clean 0.45 s, cache
 * 8.5 GB, 61 dependencies, and a CI at 0 % success ("FAILING"); the test suite is "BLOCKED" (no
 * data). The score by the README's rule: met incremental (1) + clean (1) of incremental 1, clean 1,
 * CI success 3, cache 2, dependencies 1 = 2/8 → 2.5.
 */
class CardEvaluatorTest {
  private static final Instant AT = Instant.parse("2025-11-14T04:14:49Z");
  private static final MetricFamily BUILD = MetricFamily.gauge("dx_build_duration_seconds", "b");
  private static final MetricFamily CACHE = MetricFamily.gauge("dx_cache_size_bytes", "c");
  private static final MetricFamily DEPS = MetricFamily.gauge("dx_dependencies_distinct", "d");
  private static final MetricFamily CI = MetricFamily.gauge("dx_ci_success_ratio", "s");

  private static CollectorState state(String project, String collector, Sample... samples) {
    return new CollectorState(
        new CollectorId(project, collector),
        60,
        List.of(samples),
        1,
        true,
        0.1,
        Optional.of(AT),
        Optional.of(AT),
        0,
        Optional.empty());
  }

  private static final List<CollectorState> GGEN =
      List.of(
          state(
              "ggen",
              "builds",
              Sample.of(BUILD, 0.22, "project", "ggen", "build", "b", "kind", "incremental"),
              Sample.of(BUILD, 0.45, "project", "ggen", "build", "b", "kind", "clean")),
          state(
              "ggen",
              "cache:target",
              Sample.of(CACHE, 8.5e9, "project", "ggen", "cache", "target"),
              Sample.of(CACHE, 1e9, "project", "ggen", "cache", "registry")),
          state("ggen", "deps", Sample.of(DEPS, 61, "project", "ggen", "ecosystem", "cargo")),
          state("ggen", "ci", Sample.of(CI, 0.0, "project", "ggen", "pipeline", "ci")),
          // Another project's series never count for ggen.
          state("other", "deps", Sample.of(DEPS, 500, "project", "other", "ecosystem", "npm")));

  private static Card ggen() {
    return CardEvaluator.evaluate(
        "ggen", Path.of("/src/ggen"), Objectives.DEFAULTS, GGEN, Map.of());
  }

  private static CardLine line(Card card, String objective) {
    return card.lines().stream()
        .filter(l -> l.objective().name().equals(objective))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void theRoadmapsCardComesOutAsTheRoadmapWroteIt() {
    Card card = ggen();

    assertThat(line(card, "incremental_build").status()).isEqualTo(Status.MET);
    assertThat(line(card, "clean_build").status()).isEqualTo(Status.MET);
    assertThat(line(card, "test_suite").status()).isEqualTo(Status.NO_DATA);
    // The largest cache is the card's: 8.5 GB, 3.5 GB over the 5 GB target, past the 6 GB gate.
    assertThat(line(card, "build_cache_size").current()).hasValue(8.5e9);
    assertThat(line(card, "build_cache_size").gap()).hasValue(3.5e9);
    assertThat(line(card, "build_cache_size").status()).isEqualTo(Status.GATE_FAILED);
    // "⚠️ 11 deps": 61 against 50, inside the 75 gate.
    assertThat(line(card, "dependencies").gap()).hasValue(11);
    assertThat(line(card, "dependencies").status()).isEqualTo(Status.OFF_TARGET);
    assertThat(line(card, "dependencies").collectedAt()).contains(AT);
    assertThat(card.gatesHold()).isFalse();
  }

  @Test
  void metricsParsedOnceForSeveralCardsGiveEachProjectItsOwnCard() {
    CardEvaluator.ParsedMetrics parsed = new CardEvaluator.ParsedMetrics();
    Card other =
        CardEvaluator.evaluate(
            "other", Path.of("/src/other"), Objectives.DEFAULTS, GGEN, Map.of(), parsed);
    Card shared =
        CardEvaluator.evaluate(
            "ggen", Path.of("/src/ggen"), Objectives.DEFAULTS, GGEN, Map.of(), parsed);

    assertThat(line(other, "dependencies").current()).hasValue(500);
    assertThat(line(other, "build_cache_size").status()).isEqualTo(Status.NO_DATA);
    assertThat(shared).isEqualTo(ggen());
  }

  @Test
  void theScoreWeighsByPriorityAndLeavesObjectivesWithoutDataOut() {
    Score score = ggen().score();

    assertThat(score.value()).hasValue(2.5);
    assertThat(score.met()).isEqualTo(2);
    assertThat(score.unmet()).isEqualTo(3);
    assertThat(score.noData()).isEqualTo(Objectives.DEFAULTS.size() - 5);
  }

  @Test
  void aProjectWithoutAnyDataHasNoScore() {
    Card empty =
        CardEvaluator.evaluate("new", Path.of("/n"), Objectives.DEFAULTS, List.of(), Map.of());

    assertThat(empty.score().value()).isEmpty();
    assertThat(empty.gatesHold()).isTrue();
    assertThat(ObjectiveSamples.of(List.of(empty)))
        .noneMatch(s -> s.family().name().equals("dx_score"))
        .noneMatch(s -> s.family().name().equals("dx_objective_met"));
  }

  @Test
  void theSeriesCarryTheProjectsOwnLevels() {
    List<Objective> own =
        Objectives.DEFAULTS.stream()
            .map(o -> o.name().equals("dependencies") ? o.withLevel(Level.GATE, 60) : o)
            .toList();
    Card card = CardEvaluator.evaluate("ggen", Path.of("/g"), own, GGEN, Map.of());

    List<Sample> samples = ObjectiveSamples.of(List.of(card));

    assertThat(line(card, "dependencies").status()).isEqualTo(Status.GATE_FAILED);
    assertThat(
            value(samples, "dx_objective_threshold", "objective", "dependencies", "level", "gate"))
        .isEqualTo(60);
    assertThat(
            value(
                samples, "dx_objective_threshold", "objective", "dependencies", "level", "target"))
        .isEqualTo(50);
    assertThat(value(samples, "dx_objective_met", "objective", "clean_build")).isEqualTo(1);
    assertThat(value(samples, "dx_objective_met", "objective", "dependencies")).isEqualTo(0);
    assertThat(value(samples, "dx_score_objectives", "state", "no_data"))
        .isEqualTo(Objectives.DEFAULTS.size() - 5);
    assertThat(samples)
        .noneMatch(
            s ->
                s.family().name().equals("dx_objective_met")
                    && "test_suite".equals(s.labels().get("objective")));
  }

  @Test
  void linesAreExportedOnlyForObjectivesWhoseMetricTheProjectExports() {
    MetricFamily coverage = MetricFamily.gauge("dx_coverage_ratio", "c");
    List<CollectorState> states =
        List.of(
            state("ggen", "deps", Sample.of(DEPS, 61, "project", "ggen", "ecosystem", "cargo")),
            // Coverage's objective is an expression the card cannot evaluate (no data on the
            // card), yet DxCoverageDropped compares with the project's own line.
            state(
                "ggen",
                "coverage",
                Sample.of(coverage, 0.8, "project", "ggen", "report", "r", "kind", "line")),
            state("other", "ci", Sample.of(CI, 0.5, "project", "other", "pipeline", "ci")));
    Card card =
        CardEvaluator.evaluate("ggen", Path.of("/g"), Objectives.DEFAULTS, states, Map.of());

    List<Sample> samples = ObjectiveSamples.of(List.of(card));

    assertThat(line(card, "coverage_drop").status()).isEqualTo(Status.NO_DATA);
    assertThat(
            samples.stream()
                .filter(s -> s.family().name().equals("dx_objective_threshold"))
                .map(s -> s.labels().get("objective"))
                .distinct())
        .containsExactlyInAnyOrder("dependencies", "coverage_drop");
    assertThat(
            value(
                samples, "dx_objective_threshold", "objective", "coverage_drop", "level", "alert"))
        .isEqualTo(0.05);
  }

  private static double value(List<Sample> samples, String family, String... labels) {
    return samples.stream()
        .filter(s -> s.family().name().equals(family))
        .filter(
            s -> {
              for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                  return false;
                }
              }
              return true;
            })
        .map(s -> ((Sample.Scalar) s).value())
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + family + " " + List.of(labels)));
  }
}
