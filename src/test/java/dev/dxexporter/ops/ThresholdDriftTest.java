package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.gate.Objective;
import dev.dxexporter.gate.Objectives;
import dev.dxexporter.ops.Dashboard.Panel;
import dev.dxexporter.ops.RuleFile.Rule;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Fails when a threshold in the rule file, the dashboards or what the Helm chart renders differs
 * from {@link Objectives#DEFAULTS}, the single source of truth. The chart's values hold no
 * threshold of their own: it renders the PrometheusRule and the dashboards from the shipped files,
 * so the rendered objects are what is checked.
 */
class ThresholdDriftTest {
  /** A level of an objective: its target, gate or alert line. */
  enum Level {
    TARGET,
    GATE,
    ALERT;

    double of(String objective) {
      Objective o = Objectives.named(objective);
      OptionalDouble v =
          switch (this) {
            case TARGET -> o.target();
            case GATE -> o.gate();
            case ALERT -> o.alert();
          };
      return v.orElseThrow(() -> new AssertionError(objective + " has no " + this + " level"));
    }
  }

  /**
   * An alert's comparison: `expr <op> <line>`, with the line taken from an objective's level and
   * the operator from its direction.
   */
  record AlertLine(String alert, String objective, Level level) {
    String operator() {
      return Objectives.named(objective).alertOperator();
    }

    double line() {
      return level.of(objective);
    }
  }

  private static final List<AlertLine> ALERT_LINES =
      List.of(
          new AlertLine("DxBuildCacheSizeExplosion", "build_cache_size", Level.ALERT),
          new AlertLine("DxBuildCacheAboveGate", "build_cache_size", Level.GATE),
          new AlertLine("DxBuildCacheAboveTarget", "build_cache_size", Level.TARGET),
          new AlertLine("DxDependenciesAboveGate", "dependencies", Level.GATE),
          new AlertLine("DxDependenciesAboveTarget", "dependencies", Level.TARGET),
          new AlertLine("DxCleanBuildSlow", "clean_build", Level.ALERT),
          new AlertLine("DxIncrementalBuildSlow", "incremental_build", Level.TARGET),
          new AlertLine("DxTestSuiteTimeout", "test_suite", Level.ALERT),
          new AlertLine("DxTestSuiteSlow", "test_suite", Level.GATE),
          new AlertLine("DxCIPipelineFailing", "ci_success_rate", Level.ALERT),
          new AlertLine("DxCISuccessRateBelowTarget", "ci_success_rate", Level.TARGET),
          new AlertLine("DxCIPipelineSlow", "ci_pipeline_duration", Level.TARGET),
          new AlertLine("DxBenchmarkRegression", "benchmark_change", Level.ALERT),
          new AlertLine("DxTestsFlaky", "flaky_tests", Level.ALERT),
          new AlertLine("DxCoverageDropped", "coverage_drop", Level.ALERT));

  /**
   * Health alerts of the exporter and its inputs compare against schedule periods, `up` or 0/1, not
   * roadmap numbers.
   */
  private static final Set<String> HEALTH_ALERTS =
      Set.of(
          "DxExporterDown",
          "DxExporterAbsent",
          "DxCollectorFailing",
          "DxCollectionStale",
          "DxConfigReloadFailed",
          "DxDependencyManifestUnreadable",
          "DxBuildCacheScanIncomplete");

  /**
   * The threshold lines a dashboard panel over an objective's metric must draw: every level of the
   * objectives it shows.
   */
  record PanelLines(String objective, Pattern metric, List<String> objectives) {
    List<Double> expected() {
      return objectives.stream()
          .map(Objectives::named)
          .flatMap(o -> Stream.of(o.target(), o.gate(), o.alert()))
          .filter(OptionalDouble::isPresent)
          .map(OptionalDouble::getAsDouble)
          .distinct()
          .sorted()
          .toList();
    }
  }

  private static final Set<String> OFF_CARD = Set.of("flaky tests", "coverage drop");

  private static final List<PanelLines> PANEL_LINES =
      List.of(
          new PanelLines(
              "clean build",
              Pattern.compile("dx_build_duration_seconds\\{kind=\"clean\""),
              List.of("clean_build")),
          new PanelLines(
              "incremental build",
              Pattern.compile("dx_build_duration_seconds\\{kind=\"incremental\""),
              List.of("incremental_build")),
          new PanelLines(
              "test suite",
              Pattern.compile("\\bdx_tests_duration_seconds\\b"),
              List.of("test_feedback", "test_suite")),
          new PanelLines(
              "CI pipeline duration",
              Pattern.compile("\\bdx_ci_(last_)?run_duration_seconds\\b"),
              List.of("ci_pipeline_duration")),
          new PanelLines(
              "CI success rate",
              Pattern.compile("\\bdx_ci_success_ratio\\b"),
              List.of("ci_success_rate")),
          new PanelLines(
              "build cache size",
              Pattern.compile("\\bdx_cache_size_bytes\\b"),
              List.of("build_cache_size")),
          new PanelLines(
              "dependencies",
              Pattern.compile("\\bdx_dependencies_distinct\\b"),
              List.of("dependencies")),
          new PanelLines(
              "flaky tests", Pattern.compile("\\bdx_tests_flaky_ratio\\b"), List.of("flaky_tests")),
          new PanelLines(
              "coverage drop",
              Pattern.compile("max_over_time\\(dx_coverage_ratio"),
              List.of("coverage_drop")),
          new PanelLines(
              "benchmark change",
              Pattern.compile("\\bdx_benchmark_performance_change_ratio\\b"),
              List.of("benchmark_change")));

  // `series <op> on(project) group_left() (dx_objective_threshold{objective="o",level="l"} or
  // on(project) (max by (project) (series) * 0 + <number>))`: the project's own line, with the
  // roadmap's number as the fallback, at the end of the expression.
  private static final Pattern COMPARISON =
      Pattern.compile(
          "([<>]=?)\\s*on\\(project\\)\\s*group_left\\(\\)\\s*\\(\\s*"
              + "dx_objective_threshold\\{objective=\"(\\w+)\",level=\"(\\w+)\"\\}\\s*"
              + "or\\s+on\\(project\\)\\s*\\(max by \\(project\\) \\((.+)\\) \\* 0 \\+ "
              + "(-?[0-9.]+(?:[eE][0-9]+)?)\\)\\)\\s*$",
          Pattern.DOTALL);

  @Test
  void everyAlertLineEqualsTheDefault() {
    assertAlertLines(RuleFile.shipped());
  }

  @Test
  void helmRendersTheSameAlertLines() {
    Map<String, Object> rule =
        RenderedChart.render(RepoFiles.CHART_ALL_FEATURES).single("PrometheusRule");

    assertAlertLines(RuleFile.fromGroups(Yaml.at(rule, "spec.groups")));
  }

  @Test
  void helmRendersDashboardsWithTheSameLines() {
    List<Dashboard> rendered =
        RenderedChart.render(RepoFiles.CHART_ALL_FEATURES).ofKind("ConfigMap").stream()
            .filter(c -> Yaml.at(c, "metadata.labels.grafana_dashboard") != null)
            .flatMap(c -> Yaml.map(c.get("data")).entrySet().stream())
            .map(e -> Dashboard.parse(e.getKey(), (String) e.getValue()))
            .toList();

    assertThat(rendered).hasSameSizeAs(Dashboard.shipped());
    assertPanelLines(rendered);
  }

  private static void assertAlertLines(RuleFile rules) {
    for (AlertLine expected : ALERT_LINES) {
      Rule rule = rules.alert(expected.alert());
      Matcher m = COMPARISON.matcher(rule.expr());

      assertThat(m.find())
          .as("%s compares with the project's threshold: %s", rule.alert(), rule.expr())
          .isTrue();
      assertThat(m.group(1)).as(rule.alert() + " operator").isEqualTo(expected.operator());
      assertThat(m.group(2)).as(rule.alert() + " objective").isEqualTo(expected.objective());
      assertThat(m.group(3))
          .as(rule.alert() + " level")
          .isEqualTo(expected.level().name().toLowerCase(java.util.Locale.ROOT));
      // The fallback's projects are those of the compared series itself.
      assertThat(rule.expr().strip()).as(rule.alert() + " fallback series").contains(m.group(4));
      assertThat(Double.parseDouble(m.group(5)))
          .as(rule.alert() + " roadmap fallback")
          .isEqualTo(expected.line());
    }
  }

  @Test
  void everyAlertIsEitherMappedToADefaultOrAnExporterHealthAlert() {
    Set<String> mapped = ALERT_LINES.stream().map(AlertLine::alert).collect(Collectors.toSet());

    // A new threshold alert must be added to ALERT_LINES, or it could drift unnoticed.
    assertThat(RuleFile.shipped().alerts())
        .allSatisfy(
            r ->
                assertThat(mapped.contains(r.alert()) || HEALTH_ALERTS.contains(r.alert()))
                    .as(r.alert() + " is checked against Objectives.DEFAULTS")
                    .isTrue());
  }

  @Test
  void everyPanelOverAnObjectiveDrawsExactlyTheDefaultLines() {
    assertPanelLines(Dashboard.shipped());
  }

  private static void assertPanelLines(List<Dashboard> dashboards) {
    for (Dashboard dashboard : dashboards) {
      for (Panel panel : dashboard.panels()) {
        PanelLines objective = objectiveOf(panel);
        if (objective != null) {
          assertThat(Dashboard.thresholdSteps(panel).stream().distinct().sorted().toList())
              .as("%s / %s (%s)", dashboard.file(), panel.title(), objective.objective())
              .isEqualTo(objective.expected());
        }
      }
    }
  }

  @Test
  void theQuickReferenceCardShowsEveryObjectiveWithItsLines() {
    Dashboard card = Dashboard.read(RepoFiles.DASHBOARDS.resolve("dx-quick-reference.json"));
    Map<PanelLines, List<Panel>> byObjective =
        card.panels().stream()
            .filter(p -> objectiveOf(p) != null)
            .collect(Collectors.groupingBy(ThresholdDriftTest::objectiveOf));

    // The card is the roadmap's: lines the roadmap does not draw (flaky rate, coverage drop) are
    // shown on the Test Performance dashboard instead.
    assertThat(byObjective.keySet())
        .containsExactlyInAnyOrderElementsOf(
            PANEL_LINES.stream().filter(l -> !OFF_CARD.contains(l.objective())).toList());
    assertThat(card.panels().stream().filter(p -> !fromData(p)))
        .allSatisfy(p -> assertThat(p.type()).isEqualTo("stat"));
  }

  @Test
  void theQuickReferenceCardShowsTheProjectsOwnLevelsAndGapsFromData() {
    Dashboard card = Dashboard.read(RepoFiles.DASHBOARDS.resolve("dx-quick-reference.json"));
    List<Panel> fromData = card.panels().stream().filter(ThresholdDriftTest::fromData).toList();

    // Every objective the card shows has a gap panel against its exported target.
    for (PanelLines objective : PANEL_LINES) {
      if (OFF_CARD.contains(objective.objective())
          || objective.objective().equals("benchmark change")) {
        continue;
      }
      String name = objective.objectives().get(objective.objectives().size() - 1);
      assertThat(fromData)
          .as("a gap panel of %s", name)
          .anyMatch(
              p ->
                  p.exprs().stream()
                      .anyMatch(
                          e ->
                              e.contains("objective=\"" + name + "\", level=\"target\"")
                                  && objective.metric().matcher(e).find()));
    }
    // The gaps draw no roadmap number: only the zero line between "to go" and "met".
    assertThat(fromData).allSatisfy(p -> assertThat(Dashboard.thresholdSteps(p)).isSubsetOf(0.0));
    assertThat(card.panels())
        .anyMatch(p -> p.exprs().stream().anyMatch(e -> e.contains("dx_score{")));
  }

  /** A panel that reads the exported levels draws no number of its own. */
  private static boolean fromData(Panel panel) {
    return panel.exprs().stream().anyMatch(e -> e.contains("dx_objective_threshold"));
  }

  private static PanelLines objectiveOf(Panel panel) {
    if (fromData(panel)) {
      return null;
    }
    return PANEL_LINES.stream()
        .filter(o -> panel.exprs().stream().anyMatch(e -> o.metric().matcher(e).find()))
        .findFirst()
        .orElse(null);
  }
}
