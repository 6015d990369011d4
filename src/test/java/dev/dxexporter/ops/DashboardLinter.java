package dev.dxexporter.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.ops.Dashboard.Panel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * grafana/dashboard-linter's rules (lint/rule_*.go, conventions.md §5.6) re-implemented on the
 * parsed JSON, because the Go linter cannot be installed here; plus this project's own dashboard
 * conventions. PromQL syntax (target-promql-rule) is checked with the real parser, promtool, in the
 * e2e profile.
 */
public final class DashboardLinter {

  /** The valid units of rule_panel_units.go that this project may use. */
  private static final Set<String> UNITS =
      Set.of(
          "none",
          "short",
          "percent",
          "percentunit",
          "bytes",
          "decbytes",
          "s",
          "ms",
          "dtdurations",
          "dateTimeFromNow",
          "ops",
          "reqps",
          "bool",
          "bool_yes_no",
          "bool_on_off");

  private static final Set<String> DATASOURCE_REFS = Set.of("${datasource}", "$datasource");
  private static final Set<String> DATA_PANELS =
      Set.of("stat", "timeseries", "table", "gauge", "bargauge");

  // A metric this exporter exposes or records (`dx_x`, `level:dx_x:op`), or `up`.
  private static final Pattern METRIC =
      Pattern.compile("(?<![\\w:$\"])((?:[a-z_]+:)?dx_[a-z0-9_]+(?::[a-z0-9_]+)?|up)(?![\\w:(\"])");
  private static final Pattern RATE = Pattern.compile("\\b(i?rate)\\s*\\(([^\\[]*)\\[([^\\]]+)]");

  private DashboardLinter() {}

  public static List<String> lint(Dashboard d) {
    List<String> problems = new ArrayList<>();
    JsonNode json = d.json();
    String where = d.file() + ": ";

    // uneditable-dashboard, and this project's model conventions (conventions.md §5.1, §5.2).
    if (json.path("editable").asBoolean(true))
      problems.add(where + "uneditable-dashboard: editable must be false");
    int schema = json.path("schemaVersion").asInt();
    if (schema < 39 || schema > 41)
      problems.add(where + "schemaVersion " + schema + " is outside 39-41");
    if (json.has("__inputs"))
      problems.add(where + "__inputs is not resolved by provisioning; use the datasource variable");
    if (!json.path("id").isNull()) problems.add(where + "id must be null");
    if (!d.uid().matches("dx-[a-z0-9-]+"))
      problems.add(where + "uid must be fixed and start with dx-");

    // template-datasource-rule
    JsonNode ds = d.variable("datasource");
    if (ds == null
        || !"datasource".equals(ds.path("type").asText())
        || !"prometheus".equals(ds.path("query").asText())) {
      problems.add(
          where
              + "template-datasource-rule: needs a datasource variable of type datasource, query prometheus");
    } else if (!"Data source".equals(ds.path("label").asText())) {
      problems.add(
          where + "template-datasource-rule: datasource variable should be labelled 'Data source'");
    }
    // template-job-rule, template-instance-rule, and the project variable every query filters on.
    for (String name : List.of("job", "instance", "project")) {
      checkQueryVariable(d, name, where, problems);
    }

    for (Panel p : d.panels()) {
      String at = where + "panel '" + p.title() + "': ";
      JsonNode panel = p.json();
      // panel-title-description-rule
      if (p.title().isBlank() || panel.path("description").asText().isBlank()) {
        problems.add(at + "panel-title-description-rule: title and description are required");
      }
      // panel-datasource-rule
      if (!DATASOURCE_REFS.contains(panel.path("datasource").path("uid").asText())) {
        problems.add(at + "panel-datasource-rule: datasource must be ${datasource}");
      }
      // panel-units-rule
      String unit = panel.path("fieldConfig").path("defaults").path("unit").asText();
      if (DATA_PANELS.contains(p.type()) && !UNITS.contains(unit)) {
        problems.add(at + "panel-units-rule: no or invalid unit '" + unit + "'");
      }
      // panel-no-targets-rule
      if (p.exprs().isEmpty()) problems.add(at + "panel-no-targets-rule: no targets");
      for (JsonNode target : panel.path("targets")) {
        if (!DATASOURCE_REFS.contains(target.path("datasource").path("uid").asText())) {
          problems.add(at + "panel-datasource-rule: target datasource must be ${datasource}");
        }
      }
      for (String expr : p.exprs()) {
        lintTarget(at, expr, problems);
      }
    }
    return problems;
  }

  private static void checkQueryVariable(
      Dashboard d, String name, String where, List<String> problems) {
    JsonNode v = d.variable(name);
    String rule = "template-" + name + "-rule: ";
    if (v == null) {
      problems.add(where + rule + "missing the " + name + " template");
      return;
    }
    if (!DATASOURCE_REFS.contains(v.path("datasource").path("uid").asText())) {
      problems.add(where + rule + "should use datasource '$datasource'");
    }
    if (!"query".equals(v.path("type").asText()))
      problems.add(where + rule + "should be a Prometheus query");
    String title = Character.toUpperCase(name.charAt(0)) + name.substring(1);
    if (!title.equals(v.path("label").asText()))
      problems.add(where + rule + "should be labelled '" + title + "'");
    if (!v.path("multi").asBoolean()) problems.add(where + rule + "should be a multi select");
    if (!".+".equals(v.path("allValue").asText()))
      problems.add(where + rule + "allValue should be '.+'");
    // template-on-time-change-reload-rule
    if (v.path("refresh").asInt() != 2) {
      problems.add(
          where
              + "template-on-time-change-reload-rule: "
              + name
              + " should refresh on time range change (2)");
    }
    // template-label-promql-rule (shape only; promtool parses it in e2e)
    String query =
        v.path("query").isObject()
            ? v.path("query").path("query").asText()
            : v.path("query").asText();
    if (!query.matches("label_values\\((.+,\\s*)?" + name + "\\)") || !balanced(query)) {
      problems.add(where + "template-label-promql-rule: " + name + " query '" + query + "'");
    }
  }

  private static void lintTarget(String at, String expr, List<String> problems) {
    String target = at + "target '" + expr + "': ";
    if (!balanced(expr)) problems.add(target + "target-promql-rule: unbalanced brackets or quotes");
    // target-rate-interval-rule: (i)rate over $__rate_interval only.
    Matcher rate = RATE.matcher(expr);
    while (rate.find()) {
      if (!"$__rate_interval".equals(rate.group(3))) {
        problems.add(target + "target-rate-interval-rule: should use $__rate_interval");
      }
    }
    Matcher metric = METRIC.matcher(expr);
    while (metric.find()) {
      String name = metric.group(1);
      String selector = selectorAfter(expr, metric.end());
      // target-job-rule, target-instance-rule, and the project filter.
      if (selector == null || !selector.contains("job=~\"$job\"")) {
        problems.add(target + "target-job-rule: " + name + " lacks job=~\"$job\"");
      }
      if (selector == null || !selector.contains("instance=~\"$instance\"")) {
        problems.add(target + "target-instance-rule: " + name + " lacks instance=~\"$instance\"");
      }
      // Exporter-wide series carry no project label: the target, its build and its config; nor
      // do user caches (scope="user"), which every project on the host shares.
      boolean hasProject =
          !name.equals("up")
              && !name.equals("dx_build_info")
              && !name.startsWith("dx_config_")
              && !name.startsWith("dx_store_")
              && !(name.startsWith("dx_cache_")
                  && selector != null
                  && selector.contains("scope=\"user\""));
      if (hasProject && (selector == null || !selector.contains("project=~\"$project\""))) {
        problems.add(target + name + " lacks project=~\"$project\"");
      }
      // target-counter-agg-rule: a counter only inside rate / irate / increase over a range.
      if (name.endsWith("_total")) {
        String before = expr.substring(0, metric.start()).stripTrailing();
        String after =
            selector == null
                ? ""
                : expr.substring(metric.end()).strip().substring(selector.length()).strip();
        if (!before.matches("(?s).*\\b(rate|irate|increase)\\s*\\(") || !after.startsWith("[")) {
          problems.add(
              target
                  + "target-counter-agg-rule: "
                  + name
                  + " is not aggregated with rate, irate or increase");
        }
      }
    }
  }

  /** The `{...}` selector right after a metric name, or null when the name stands bare. */
  private static String selectorAfter(String expr, int index) {
    String rest = expr.substring(index).stripLeading();
    if (!rest.startsWith("{")) {
      return null;
    }
    int close = rest.indexOf('}');
    return close < 0 ? null : rest.substring(0, close + 1);
  }

  private static boolean balanced(String s) {
    int round = 0;
    int curly = 0;
    int square = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"' && (i == 0 || s.charAt(i - 1) != '\\')) quoted = !quoted;
      if (quoted) continue;
      switch (c) {
        case '(' -> round++;
        case ')' -> round--;
        case '{' -> curly++;
        case '}' -> curly--;
        case '[' -> square++;
        case ']' -> square--;
        default -> {}
      }
      if (round < 0 || curly < 0 || square < 0) return false;
    }
    return round == 0 && curly == 0 && square == 0 && !quoted;
  }
}
