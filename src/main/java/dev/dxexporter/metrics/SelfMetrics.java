package dev.dxexporter.metrics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** The exporter's own per-collector metrics, in node_exporter's shape. */
final class SelfMetrics {
  static final MetricFamily SUCCESS =
      MetricFamily.gauge(
          "dx_collector_success", "Whether the collector's last run succeeded (1) or failed (0).");
  static final MetricFamily DURATION =
      MetricFamily.gauge(
          "dx_collector_duration_seconds", "Wall time of the collector's last run, in seconds.");
  static final MetricFamily LAST_SUCCESS =
      MetricFamily.gauge(
          "dx_collector_last_success_timestamp_seconds",
          "Unix time of the collector's last successful run; its samples date from then.");
  static final MetricFamily ERRORS =
      MetricFamily.counter(
          "dx_collector_errors_total", "Failed runs of the collector since the exporter started.");
  static final MetricFamily INTERVAL =
      MetricFamily.gauge(
          "dx_collector_interval_seconds",
          "The collector's schedule period in seconds (for cron schedules, the gap between two"
              + " fires); samples older than two periods are stale.");

  private SelfMetrics() {}

  /** Self-metrics: interval and errors for every collector, the rest once it has run. */
  static List<Sample> of(Collection<CollectorState> states) {
    List<Sample> out = new ArrayList<>();
    for (CollectorState s : states) {
      String[] labels = {"project", s.id().project(), "collector", s.id().collector()};
      out.add(Sample.of(INTERVAL, s.intervalSeconds(), labels));
      out.add(Sample.of(ERRORS, s.errors(), labels));
      if (s.runs() == 0) {
        continue;
      }
      out.add(Sample.of(SUCCESS, s.lastRunSucceeded() ? 1 : 0, labels));
      out.add(Sample.of(DURATION, s.lastDurationSeconds(), labels));
      s.lastSuccess()
          .ifPresent(t -> out.add(Sample.of(LAST_SUCCESS, t.toEpochMilli() / 1000.0, labels)));
    }
    return out;
  }
}
