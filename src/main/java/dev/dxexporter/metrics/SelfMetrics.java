package dev.dxexporter.metrics;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The exporter's own metrics, in one place: build info, config reload status (as
 * blackbox_exporter), and per-collector success, duration, age, errors and period (as
 * node_exporter).
 */
public final class SelfMetrics {
  static final MetricFamily BUILD_INFO =
      MetricFamily.gauge(
          "dx_build_info",
          "A metric with a constant '1' value labeled by version, revision and java_version from"
              + " which dx-exporter was built.");
  static final MetricFamily RELOAD_SUCCESSFUL =
      MetricFamily.gauge(
          "dx_config_last_reload_successful",
          "Whether the last configuration reload attempt was successful (1) or not (0).");
  static final MetricFamily RELOAD_SUCCESS_TIMESTAMP =
      MetricFamily.gauge(
          "dx_config_last_reload_success_timestamp_seconds",
          "Unix time of the last successful configuration (re)load.");
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
          "The collector's schedule period in seconds (for cron schedules, the gap between its"
              + " next promised run and the one after it, updated at every run).");
  static final MetricFamily NEXT_RUN =
      MetricFamily.gauge(
          "dx_collector_next_run_timestamp_seconds",
          "Unix time of the run the collector's schedule promises next, set at every run; a"
              + " collector is stale once this is more than one period past.");

  private SelfMetrics() {}

  /** {@code dx_build_info}. */
  public static Sample buildInfo(String version, String revision, String javaVersion) {
    return Sample.of(
        BUILD_INFO, 1, "version", version, "revision", revision, "java_version", javaVersion);
  }

  /** The config reload pair. */
  public static List<Sample> configReload(boolean lastSucceeded, Instant lastSuccess) {
    return List.of(
        Sample.of(RELOAD_SUCCESSFUL, lastSucceeded ? 1 : 0),
        Sample.of(RELOAD_SUCCESS_TIMESTAMP, lastSuccess.toEpochMilli() / 1000.0));
  }

  /** Per-collector self-metrics: interval and errors for every collector, the rest once it ran. */
  static List<Sample> collectors(Collection<CollectorState> states) {
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
      s.nextRun().ifPresent(t -> out.add(Sample.of(NEXT_RUN, t.toEpochMilli() / 1000.0, labels)));
    }
    return out;
  }
}
