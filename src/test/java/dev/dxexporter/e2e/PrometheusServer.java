package dev.dxexporter.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A real Prometheus (Debian package) on a loopback port with its own data directory. */
final class PrometheusServer implements AutoCloseable {
  final int port = ServerProcess.freePort();
  private final ServerProcess process;

  /** A query answer: status "success" or "error", the error text, and the result vector. */
  record QueryResult(String status, String error, List<JsonNode> result) {}

  /**
   * Scrapes the exporter every second and evaluates the rule file every second (the e2e timing the
   * lead asked for), sending alerts to the Alertmanager.
   */
  PrometheusServer(Path dir, int exporterPort, int alertmanagerPort, Path ruleFile) {
    String config =
        """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
          evaluation_interval: 1s
        rule_files:
          - %s
        alerting:
          alertmanagers:
            - static_configs:
                - targets: ['127.0.0.1:%d']
        scrape_configs:
          - job_name: dx-exporter
            static_configs:
              - targets: ['127.0.0.1:%d']
        """
            .formatted(ruleFile, alertmanagerPort, exporterPort);
    try {
      Path file = Files.writeString(dir.resolve("prometheus.yml"), config);
      Files.createDirectories(dir.resolve("prometheus-data"));
      process =
          ServerProcess.start(
              "prometheus",
              dir,
              List.of(
                  Binaries.prometheus(),
                  "--config.file=" + file,
                  "--storage.tsdb.path=" + dir.resolve("prometheus-data"),
                  "--web.listen-address=127.0.0.1:" + port,
                  // Send alerts to Alertmanager at once, not after the default 1m resend delay.
                  "--rules.alert.resend-delay=1s",
                  "--log.level=warn"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  boolean ready() {
    return Http.status(url("/-/ready")) == 200;
  }

  QueryResult query(String expr) {
    JsonNode body = Http.getJsonAnyStatus(url("/api/v1/query?query=" + Http.encode(expr)));
    List<JsonNode> result = new ArrayList<>();
    body.path("data").path("result").forEach(result::add);
    return new QueryResult(body.path("status").asText(), body.path("error").asText(), result);
  }

  /** Alerts in state pending or firing. */
  List<JsonNode> alerts() {
    List<JsonNode> alerts = new ArrayList<>();
    Http.getJson(url("/api/v1/alerts")).path("data").path("alerts").forEach(alerts::add);
    return alerts;
  }

  /** Metric names this Prometheus holds for a job. */
  List<String> metricNames(String job) {
    List<String> names = new ArrayList<>();
    for (JsonNode series : query("group by (__name__) ({job=\"" + job + "\"})").result()) {
      names.add(series.path("metric").path("__name__").asText());
    }
    return names;
  }

  String logTail() {
    return process.logTail();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Override
  public void close() {
    process.close();
  }
}
