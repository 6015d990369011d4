package dev.dxexporter.daemon;

import dev.dxexporter.metrics.Sample;
import dev.dxexporter.metrics.SelfMetrics;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The outcome of the latest config (re)load, as blackbox_exporter reports it. */
record ConfigReload(boolean lastSucceeded, Instant lastSuccess, Optional<String> lastError) {
  static ConfigReload loadedAt(Instant at) {
    return new ConfigReload(true, at, Optional.empty());
  }

  ConfigReload failed(String error) {
    return new ConfigReload(false, lastSuccess, Optional.of(error));
  }

  List<Sample> samples() {
    return SelfMetrics.configReload(lastSucceeded, lastSuccess);
  }
}
