package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.ops.RuleFile.Rule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PrometheusRule adapts to the release: the health alerts select the job the ServiceMonitor
 * gives (the Service's name), and the runbook, rule groups and {@code for:} come from values.
 */
class HelmRulesTest {
  private static final String SHIPPED_SELECTOR = "job=~\".*dx-exporter.*\"";

  @TempDir Path dir;

  @Test
  void fullnameOverrideMovesTheJobSelectorWithTheServiceName() throws IOException {
    RenderedChart chart = render("fullnameOverride: build-health\n");
    RuleFile rules = rules(chart);

    assertThat(Yaml.at(chart.single("Service"), "metadata.name")).isEqualTo("build-health");
    assertThat(rules.alert("DxExporterDown").expr().strip())
        .isEqualTo("up{job=\"build-health\"} == 0");
    assertThat(rules.alert("DxExporterAbsent").expr().strip())
        .isEqualTo("absent(up{job=\"build-health\"})");
    assertThat(Yaml.at(chart.single("PrometheusRule"), "spec").toString())
        .doesNotContain(".*dx-exporter.*");
  }

  @Test
  void everythingButTheSelectorIsTheShippedRuleFile() throws IOException {
    // Release "dx": the chart's fullname, hence the Service and the job, is dx-dx-exporter.
    String expected =
        RepoFiles.read(RepoFiles.RULES)
            .replace(SHIPPED_SELECTOR, "job=\"dx-dx-exporter\"")
            .replace(
                "with a job matching \".*dx-exporter.*\"", "matching up{job=\"dx-dx-exporter\"}");

    assertThat(Yaml.at(render("").single("PrometheusRule"), "spec.groups"))
        .isEqualTo(Yaml.map(Yaml.load(expected)).get("groups"));
  }

  @Test
  void aJobSelectorValueReplacesTheDerivedOne() throws IOException {
    RuleFile rules = rules(render("prometheusRule:\n  jobSelector: job=\"dx\",namespace=\"ci\"\n"));

    assertThat(rules.alert("DxExporterDown").expr()).contains("up{job=\"dx\",namespace=\"ci\"}");
    assertThat(rules.alert("DxExporterAbsent").annotations().get("description"))
        .contains("matching up{job=\"dx\",namespace=\"ci\"}");
  }

  @Test
  void aDisabledGroupRendersNoneOfItsAlertsAndTheOthersStay() throws IOException {
    RuleFile all = rules(render(""));
    RuleFile withoutCache = rules(render("prometheusRule:\n  groups:\n    cache: false\n"));

    List<String> cacheAlerts = alertsOf(all, "dx-exporter.cache");
    assertThat(cacheAlerts).isNotEmpty();
    assertThat(withoutCache.alerts())
        .extracting(Rule::alert)
        .doesNotContainAnyElementsOf(cacheAlerts);
    assertThat(withoutCache.alerts())
        .extracting(Rule::alert)
        .containsExactlyInAnyOrderElementsOf(
            all.alerts().stream().map(Rule::alert).filter(a -> !cacheAlerts.contains(a)).toList());
    // The recording rules feed the dashboards: no switch turns them off.
    assertThat(withoutCache.groups())
        .extracting(RuleFile.Group::name)
        .contains("dx-exporter.records");
  }

  @Test
  void everyGroupHasItsSwitch() throws IOException {
    RuleFile none =
        rules(
            render(
                "prometheusRule:\n  groups:\n    self: false\n    cache: false\n"
                    + "    dependencies: false\n    build: false\n    tests: false\n"
                    + "    ci: false\n    bench: false\n"));

    assertThat(none.groups())
        .extracting(RuleFile.Group::name)
        .containsExactly("dx-exporter.records");
  }

  @Test
  void forOfASingleAlertComesFromValues() throws IOException {
    RuleFile rules = rules(render("prometheusRule:\n  for:\n    DxExporterAbsent: 30m\n"));
    RuleFile shipped = RuleFile.shipped();

    assertThat(rules.alert("DxExporterAbsent").forDuration()).isEqualTo("30m");
    assertThat(rules.alert("DxExporterDown").forDuration())
        .isEqualTo(shipped.alert("DxExporterDown").forDuration());
  }

  @Test
  void forOfAnAlertThatDoesNotExistFailsTheRender() throws IOException {
    Path typo = values("prometheusRule:\n  enabled: true\n  for:\n    DxExporterAbsnet: 30m\n");

    assertThatThrownBy(() -> RenderedChart.render(typo))
        .hasMessageContaining("prometheusRule.for.DxExporterAbsnet: there is no such alert");
  }

  @Test
  void runbookUrlsStartWithTheConfiguredBase() throws IOException {
    RuleFile rules =
        rules(render("prometheusRule:\n  runbookUrl: https://wiki.example.com/dx/runbook/\n"));

    assertThat(rules.alerts())
        .allSatisfy(
            r ->
                assertThat(r.annotations().get("runbook_url"))
                    .isEqualTo(
                        "https://wiki.example.com/dx/runbook#"
                            + r.alert().toLowerCase(java.util.Locale.ROOT)));
  }

  private List<String> alertsOf(RuleFile rules, String group) {
    return rules.alerts().stream().filter(r -> r.group().equals(group)).map(Rule::alert).toList();
  }

  private RenderedChart render(String extraValues) throws IOException {
    return RenderedChart.withValues(
        values("prometheusRule:\n  enabled: true\n"), values(extraValues));
  }

  private static RuleFile rules(RenderedChart chart) {
    return RuleFile.fromGroups(Yaml.at(chart.single("PrometheusRule"), "spec.groups"));
  }

  private Path values(String yaml) throws IOException {
    return Files.writeString(Files.createTempFile(dir, "values", ".yaml"), yaml);
  }
}
