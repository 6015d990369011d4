package dev.dxexporter;

import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outcome of the latest config (re)load, as blackbox_exporter reports it. */
record ConfigReload(boolean lastSucceeded, Instant lastSuccess, Optional<String> lastError) {
  static final MetricFamily SUCCESSFUL =
      MetricFamily.gauge(
          "dx_config_last_reload_successful",
          "Whether the last configuration reload attempt was successful (1) or not (0).");
  static final MetricFamily SUCCESS_TIMESTAMP =
      MetricFamily.gauge(
          "dx_config_last_reload_success_timestamp_seconds",
          "Unix time of the last successful configuration (re)load.");

  static ConfigReload loadedAt(Instant at) {
    return new ConfigReload(true, at, Optional.empty());
  }

  ConfigReload failed(String error) {
    return new ConfigReload(false, lastSuccess, Optional.of(error));
  }

  List<Sample> samples() {
    return List.of(
        Sample.of(SUCCESSFUL, lastSucceeded ? 1 : 0),
        Sample.of(SUCCESS_TIMESTAMP, lastSuccess.toEpochMilli() / 1000.0));
  }
}
