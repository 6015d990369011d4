package dev.dxexporter.metrics;

/** The metric types dx-exporter exposes; histograms arrive with the CI collectors. */
public enum MetricType {
  GAUGE,
  COUNTER
}
