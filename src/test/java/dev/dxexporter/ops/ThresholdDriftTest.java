package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.gate.Thresholds;
import dev.dxexporter.ops.Dashboard.Panel;
import dev.dxexporter.ops.RuleFile.Rule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Fails when a threshold in the rule file, the dashboards or what the Helm chart renders differs
 * from {@link Thresholds#DEFAULTS}, the single source of truth. The chart's values hold no
 * threshold of their own: it renders the PrometheusRule and the dashboards from the shipped files,
 * so the rendered objects are what is checked.
 */
class ThresholdDriftTest {
  private static final Thresholds T = Thresholds.DEFAULTS;

  /** An alert's comparison: `expr <op> <line>`, with the line taken from DEFAULTS. */
  record AlertLine(String alert, String operator, ToDoubleFunction<Thresholds> line) {}

  private static final List<AlertLine> ALERT_LINES =
      List.of(
          new AlertLine("DxBuildCacheSizeExplosion", ">", Thresholds::cacheAlertBytes),
          new AlertLine("DxBuildCacheAboveGate", ">", Thresholds::cacheGateBytes),
          new AlertLine("DxBuildCacheAboveTarget", ">", Thresholds::cacheTargetBytes),
          new AlertLine("DxDependenciesAboveGate", ">", Thresholds::dependenciesGate),
          new AlertLine("DxDependenciesAboveTarget", ">", Thresholds::dependenciesTarget),
          new AlertLine("DxCleanBuildSlow", ">", Thresholds::cleanBuildAlertSeconds),
          new AlertLine("DxIncrementalBuildSlow", ">", Thresholds::incrementalBuildTargetSeconds),
          new AlertLine("DxTestSuiteTimeout", ">", Thresholds::testSuiteAlertSeconds),
          new AlertLine("DxTestSuiteSlow", ">", Thresholds::testSuiteGateSeconds),
          new AlertLine("DxCIPipelineFailing", "<", Thresholds::ciSuccessAlertRatio),
          new AlertLine("DxCISuccessRateBelowTarget", "<", Thresholds::ciSuccessTargetRatio),
          new AlertLine("DxCIPipelineSlow", ">", Thresholds::ciPipelineTargetSeconds),
          new AlertLine("DxBenchmarkRegression", "<", Thresholds::benchmarkChangeAlertRatio));

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
          "DxDependencyManifestUnreadable");

  /** The threshold lines a dashboard panel over an objective's metric must draw. */
  record PanelLines(String objective, Pattern metric, List<ToDoubleFunction<Thresholds>> lines) {
    List<Double> expected() {
      return lines.stream().map(l -> l.applyAsDouble(T)).distinct().sorted().toList();
    }
  }

  private static final List<PanelLines> PANEL_LINES =
      List.of(
          new PanelLines(
              "clean build",
              Pattern.compile("dx_build_duration_seconds\\{kind=\"clean\""),
              List.of(
                  Thresholds::cleanBuildTargetSeconds,
                  Thresholds::cleanBuildGateSeconds,
                  Thresholds::cleanBuildAlertSeconds)),
          new PanelLines(
              "incremental build",
              Pattern.compile("dx_build_duration_seconds\\{kind=\"incremental\""),
              List.of(Thresholds::incrementalBuildTargetSeconds)),
          new PanelLines(
              "test suite",
              Pattern.compile("\\bdx_tests_duration_seconds\\b"),
              List.of(
                  Thresholds::testFeedbackTargetSeconds,
                  Thresholds::testSuiteTargetSeconds,
                  Thresholds::testSuiteGateSeconds,
                  Thresholds::testSuiteAlertSeconds)),
          new PanelLines(
              "CI pipeline duration",
              Pattern.compile("\\bdx_ci_(last_)?run_duration_seconds\\b"),
              List.of(Thresholds::ciPipelineTargetSeconds)),
          new PanelLines(
              "CI success rate",
              Pattern.compile("\\bdx_ci_success_ratio\\b"),
              List.of(Thresholds::ciSuccessAlertRatio, Thresholds::ciSuccessTargetRatio)),
          new PanelLines(
              "build cache size",
              Pattern.compile("\\bdx_cache_size_bytes\\b"),
              List.of(
                  Thresholds::cacheTargetBytes,
                  Thresholds::cacheGateBytes,
                  Thresholds::cacheAlertBytes)),
          new PanelLines(
              "dependencies",
              Pattern.compile("\\bdx_dependencies_distinct\\b"),
              List.of(Thresholds::dependenciesTarget, Thresholds::dependenciesGate)),
          new PanelLines(
              "benchmark change",
              Pattern.compile("\\bdx_benchmark_performance_change_ratio\\b"),
              List.of(Thresholds::benchmarkChangeAlertRatio)));

  // `expr > 10e9` / `expr < -0.10`: the comparison against a number literal at the end of the
  // expression.
  private static final Pattern COMPARISON =
      Pattern.compile("([<>]=?)\\s*(-?[0-9.]+(?:[eE][0-9]+)?)\\s*$");

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

      assertThat(m.find()).as("%s compares with a number: %s", rule.alert(), rule.expr()).isTrue();
      assertThat(m.group(1)).as(rule.alert() + " operator").isEqualTo(expected.operator());
      assertThat(Double.parseDouble(m.group(2)))
          .as(rule.alert() + " line")
          .isEqualTo(expected.line().applyAsDouble(T));
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
                    .as(r.alert() + " is checked against Thresholds.DEFAULTS")
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

    assertThat(byObjective.keySet()).containsExactlyInAnyOrderElementsOf(PANEL_LINES);
    assertThat(card.panels()).allSatisfy(p -> assertThat(p.type()).isEqualTo("stat"));
  }

  private static PanelLines objectiveOf(Panel panel) {
    return PANEL_LINES.stream()
        .filter(o -> panel.exprs().stream().anyMatch(e -> o.metric().matcher(e).find()))
        .findFirst()
        .orElse(null);
  }
}
