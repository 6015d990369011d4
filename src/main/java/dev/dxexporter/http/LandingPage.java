package dev.dxexporter.http;

import dev.dxexporter.metrics.CollectorState;
import java.time.Instant;
import java.util.List;

/**
 * The HTML page at {@code /}, in exporter-toolkit's style: name, version, a link to the metrics,
 * and here also the configured projects with the state of each collector.
 */
final class LandingPage {
  private final String version;
  private final String telemetryPath;

  LandingPage(String version, String telemetryPath) {
    this.version = version;
    this.telemetryPath = telemetryPath;
  }

  String render(List<CollectorState> collectors, List<PageSection> sections) {
    StringBuilder rows = new StringBuilder();
    for (CollectorState c : collectors) {
      String state = c.runs() == 0 ? "pending" : c.lastRunSucceeded() ? "ok" : "failing";
      rows.append("<tr class=\"")
          .append(state)
          .append("\"><td>")
          .append(esc(c.id().project()))
          .append("</td><td>")
          .append(esc(c.id().collector()))
          .append("</td><td>")
          .append(state)
          .append("</td><td>")
          .append(every(c.intervalSeconds()))
          .append("</td><td>")
          .append(c.lastRun().map(LandingPage::time).orElse("never"))
          .append("</td><td>")
          .append(c.runs() == 0 ? "" : String.format("%.3f s", c.lastDurationSeconds()))
          .append("</td><td>")
          .append(c.errors())
          .append("</td><td>")
          .append(esc(c.lastError().orElse("")))
          .append("</td></tr>\n");
    }
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="UTF-8">
        <title>dx-exporter</title>
        <style>
        body { font-family: -apple-system, sans-serif; margin: 0; }
        header { background: #e6522c; color: #fff; padding: 0.5em 1em; }
        main { padding: 0 1em; }
        table { border-collapse: collapse; }
        td, th { border: 1px solid #ccc; padding: 0.25em 0.5em; text-align: left; }
        tr.failing td { background: #fdd; }
        tr.pending td { color: #777; }
        td { white-space: nowrap; }
        td:last-child { white-space: normal; }
        </style>
        </head>
        <body>
        <header><h1>dx-exporter</h1></header>
        <main>
        <h2>Prometheus exporter for build health and developer experience</h2>
        <div>Version: %s</div>
        <ul><li><a href="%s">Metrics</a></li><li><a href="-/healthy">Health</a></li><li><a href="-/ready">Readiness</a></li></ul>
        <h3>Collectors</h3>
        <table>
        <tr><th>project</th><th>collector</th><th>state</th><th>every</th><th>last run</th><th>duration</th><th>errors</th><th>last error</th></tr>
        %s</table>
        %s
        </main>
        </body>
        </html>
        """
        .formatted(esc(version), esc(relative(telemetryPath)), rows, sections(sections));
  }

  private static String sections(List<PageSection> sections) {
    StringBuilder out = new StringBuilder();
    for (PageSection s : sections) {
      out.append("<h3>").append(esc(s.title())).append("</h3>\n");
      if (s.rows().isEmpty()) {
        out.append("<p>").append(esc(s.empty())).append("</p>\n");
        continue;
      }
      out.append("<table>\n<tr>");
      s.headers().forEach(h -> out.append("<th>").append(esc(h)).append("</th>"));
      out.append("</tr>\n");
      for (List<String> row : s.rows()) {
        out.append("<tr>");
        row.forEach(c -> out.append("<td>").append(esc(c)).append("</td>"));
        out.append("</tr>\n");
      }
      out.append("</table>\n");
    }
    return out.toString();
  }

  private static String time(Instant t) {
    return java.time.format.DateTimeFormatter.ISO_INSTANT.format(
        t.truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
  }

  private static String every(double seconds) {
    if (Double.isNaN(seconds)) {
      return "";
    }
    return dev.dxexporter.config.yaml.Durations.format(
        java.time.Duration.ofMillis(Math.round(seconds * 1000)));
  }

  /** Relative link, so the page also works behind a reverse proxy that adds a path prefix. */
  private static String relative(String path) {
    return path.startsWith("/") ? "." + path : path;
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
