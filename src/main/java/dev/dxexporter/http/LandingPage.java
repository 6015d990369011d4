package dev.dxexporter.http;

import dev.dxexporter.gate.Card;
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

  String render(List<CollectorState> collectors, List<PageSection> sections, List<Card> cards) {
    StringBuilder rows = new StringBuilder();
    for (CollectorState c : collectors) {
      String state = state(c);
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
          .append(esc(c.lastError().orElse(incomplete(c))))
          .append("</td></tr>\n");
    }
    return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="UTF-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>dx-exporter</title>
        <style>%s</style>
        </head>
        <body>
        <header><h1>dx-exporter</h1></header>
        <main>
        <p>Prometheus exporter for build health and developer experience. Version: %s</p>
        <nav><ul><li><a href="%s">Metrics</a></li><li><a href="-/healthy">Health</a></li><li><a href="-/ready">Readiness</a></li></ul></nav>
        %s
        <h2>Collectors</h2>
        <div class="scroll"><table>
        <thead><tr><th scope="col">project</th><th scope="col">collector</th><th scope="col">state</th><th scope="col">every</th><th scope="col">last run</th><th scope="col">duration</th><th scope="col">errors</th><th scope="col">last error</th></tr></thead>
        <tbody>
        %s</tbody></table></div>
        %s
        </main>
        </body>
        </html>
        """
        .formatted(
            PageStyle.CSS,
            esc(version),
            esc(relative(telemetryPath)),
            CardSection.render(cards),
            rows,
            sections(sections));
  }

  /**
   * A cache collector whose directory does not exist ran fine but measured nothing: "absent", not
   * "ok" ({@code dx_cache_present} 0); one whose scan could not read every entry is "incomplete"
   * ({@code dx_cache_scan_complete} 0): its size is a lower bound.
   */
  private static String state(CollectorState c) {
    if (c.runs() == 0) {
      return "pending";
    }
    if (!c.lastRunSucceeded()) {
      return "failing";
    }
    if (value(c, "dx_cache_present").orElse(1.0) == 0) {
      return "absent";
    }
    return value(c, "dx_cache_scan_complete").orElse(1.0) == 0 ? "incomplete" : "ok";
  }

  /** What an incomplete scan means, in the column of the last error; empty otherwise. */
  private static String incomplete(CollectorState c) {
    if (!c.lastRunSucceeded() || value(c, "dx_cache_scan_complete").orElse(1.0) != 0) {
      return "";
    }
    long errors = Math.round(value(c, "dx_cache_scan_errors").orElse(0.0));
    return errors
        + " entries could not be read (permissions?): the size is a lower bound; the log names"
        + " them";
  }

  private static java.util.Optional<Double> value(CollectorState c, String family) {
    return c.samples().stream()
        .filter(s -> s.family().name().equals(family))
        .filter(dev.dxexporter.metrics.Sample.Scalar.class::isInstance)
        .map(s -> ((dev.dxexporter.metrics.Sample.Scalar) s).value())
        .findFirst();
  }

  private static String sections(List<PageSection> sections) {
    StringBuilder out = new StringBuilder();
    for (PageSection s : sections) {
      out.append("<h2>").append(esc(s.title())).append("</h2>\n");
      if (s.rows().isEmpty()) {
        out.append("<p>").append(esc(s.empty())).append("</p>\n");
        continue;
      }
      out.append("<div class=\"scroll\"><table>\n<thead><tr>");
      s.headers().forEach(h -> out.append("<th scope=\"col\">").append(esc(h)).append("</th>"));
      out.append("</tr></thead>\n");
      for (List<String> row : s.rows()) {
        out.append("<tr>");
        row.forEach(c -> out.append("<td>").append(esc(c)).append("</td>"));
        out.append("</tr>\n");
      }
      out.append("</table></div>\n");
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
