package dev.dxexporter.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The linter itself: each rule reports a dashboard that breaks it (so a clean lint means
 * something).
 */
class DashboardLinterTest {

  private static final String GOOD_VARIABLES =
      """
      {"name": "datasource", "label": "Data source", "type": "datasource", "query": "prometheus"},
      {"name": "job", "label": "Job", "type": "query", "datasource": {"uid": "${datasource}"},
       "query": {"query": "label_values(dx_build_info, job)"}, "refresh": 2, "multi": true, "allValue": ".+"},
      {"name": "instance", "label": "Instance", "type": "query", "datasource": {"uid": "${datasource}"},
       "query": {"query": "label_values(dx_build_info{job=~\\"$job\\"}, instance)"}, "refresh": 2, "multi": true, "allValue": ".+"},
      {"name": "project", "label": "Project", "type": "query", "datasource": {"uid": "${datasource}"},
       "query": {"query": "label_values(dx_collector_success, project)"}, "refresh": 2, "multi": true, "allValue": ".+"}
      """;
  private static final String SELECTOR =
      "job=~\\\"$job\\\", instance=~\\\"$instance\\\", project=~\\\"$project\\\"";

  private static Dashboard dashboard(String variables, String panelType, String unit, String expr) {
    return Dashboard.parse(
        "test.json",
        """
        {"id": null, "uid": "dx-test", "editable": false, "schemaVersion": 39,
         "templating": {"list": [%s]},
         "panels": [{"type": "%s", "title": "T", "description": "D", "datasource": {"uid": "${datasource}"},
                     "fieldConfig": {"defaults": {"unit": "%s"}},
                     "targets": [{"expr": "%s", "datasource": {"uid": "${datasource}"}}]}]}
        """
            .formatted(variables, panelType, unit, expr));
  }

  private static List<String> lint(String expr) {
    return DashboardLinter.lint(dashboard(GOOD_VARIABLES, "timeseries", "s", expr));
  }

  @Test
  void aConformingDashboardHasNoProblems() {
    assertThat(lint("dx_cache_size_bytes{" + SELECTOR + "}")).isEmpty();
    assertThat(lint("sum by (project) (increase(dx_collector_errors_total{" + SELECTOR + "}[1h]))"))
        .isEmpty();
  }

  @Test
  void reportsTargetsWithoutJobInstanceOrProjectMatchers() {
    assertThat(lint("dx_cache_size_bytes"))
        .anyMatch(p -> p.contains("target-job-rule"))
        .anyMatch(p -> p.contains("target-instance-rule"));
    assertThat(lint("dx_cache_size_bytes{job=~\\\"$job\\\", instance=~\\\"$instance\\\"}"))
        .singleElement()
        .asString()
        .contains("lacks project");
    assertThat(lint("project:dx_cache_size_bytes:max{project=~\\\"$project\\\"}"))
        .anyMatch(p -> p.contains("target-job-rule"));
  }

  @Test
  void reportsRateWithoutRateIntervalAndBareCounters() {
    assertThat(lint("rate(dx_collector_errors_total{" + SELECTOR + "}[5m])"))
        .singleElement()
        .asString()
        .contains("target-rate-interval-rule");
    assertThat(lint("dx_collector_errors_total{" + SELECTOR + "}"))
        .singleElement()
        .asString()
        .contains("target-counter-agg-rule");
  }

  @Test
  void reportsUnbalancedQueriesUnitsAndVariables() {
    assertThat(lint("sum(dx_cache_size_bytes{" + SELECTOR + "}"))
        .anyMatch(p -> p.contains("target-promql-rule"));
    assertThat(
            DashboardLinter.lint(
                dashboard(
                    GOOD_VARIABLES,
                    "stat",
                    "GB",
                    "up{job=~\\\"$job\\\", instance=~\\\"$instance\\\"}")))
        .singleElement()
        .asString()
        .contains("panel-units-rule");
    String noMulti = GOOD_VARIABLES.replaceFirst("\"multi\": true", "\"multi\": false");
    assertThat(
            DashboardLinter.lint(
                dashboard(noMulti, "timeseries", "s", "dx_cache_size_bytes{" + SELECTOR + "}")))
        .singleElement()
        .asString()
        .contains("template-job-rule");
    String noRefresh =
        GOOD_VARIABLES.replace(
            "\"refresh\": 2, \"multi\": true, \"allValue\": \".+\"}\n",
            "\"refresh\": 1, \"multi\": true, \"allValue\": \".+\"}\n");
    assertThat(
            DashboardLinter.lint(
                dashboard(noRefresh, "timeseries", "s", "dx_cache_size_bytes{" + SELECTOR + "}")))
        .anyMatch(p -> p.contains("template-on-time-change-reload-rule"));
  }
}
