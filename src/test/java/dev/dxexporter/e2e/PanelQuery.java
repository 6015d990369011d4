package dev.dxexporter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.ops.Dashboard;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One PromQL query of a shipped dashboard (a panel target or a variable), as Grafana would send it.
 */
record PanelQuery(String where, String expr) {
  // Grafana's values when every variable is "All" (allValue .+); $__rate_interval is at least 4
  // scrape
  // intervals, and the e2e Prometheus scrapes every second.
  private static final List<String[]> SUBSTITUTIONS =
      List.of(
          new String[] {"$__rate_interval", "15s"},
          new String[] {"$job", ".+"},
          new String[] {"$instance", ".+"},
          new String[] {"$project", ".+"});
  private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\((.+),\\s*(\\w+)\\)");
  private static final Pattern DX_METRIC = Pattern.compile("dx_[a-z0-9_]+");

  static List<PanelQuery> shipped() {
    List<PanelQuery> queries = new ArrayList<>();
    for (Dashboard d : Dashboard.shipped()) {
      for (Dashboard.Panel p : d.panels()) {
        p.exprs()
            .forEach(e -> queries.add(new PanelQuery(d.file() + " / " + p.title(), substitute(e))));
      }
      for (JsonNode v : d.variables()) {
        if ("query".equals(v.path("type").asText())) {
          Matcher m = LABEL_VALUES.matcher(v.path("query").path("query").asText());
          if (!m.matches()) {
            throw new AssertionError(
                d.file() + " variable " + v.path("name") + " is not label_values(...)");
          }
          // label_values(expr, label) lists the label's values of the series expr selects.
          queries.add(
              new PanelQuery(
                  d.file() + " / $" + v.path("name").asText(),
                  "group by (" + m.group(2) + ") (" + substitute(m.group(1)) + ")"));
        }
      }
    }
    return queries;
  }

  private static String substitute(String expr) {
    String result = expr;
    for (String[] s : SUBSTITUTIONS) {
      result = result.replace(s[0], s[1]);
    }
    return result;
  }

  /**
   * The exporter's metric families the query reads, recording rules resolved to their source
   * (`project:dx_cache_size_bytes:max` reads dx_cache_size_bytes), plus `up`.
   */
  Set<String> metrics() {
    Set<String> names = new TreeSet<>();
    Matcher m = DX_METRIC.matcher(expr);
    while (m.find()) {
      names.add(m.group());
    }
    if (Pattern.compile("\\bup\\{").matcher(expr).find()) {
      names.add("up");
    }
    return names;
  }
}
