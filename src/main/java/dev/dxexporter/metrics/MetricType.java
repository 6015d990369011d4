package dev.dxexporter.metrics;

/** The metric types dx-exporter exposes. */
public enum MetricType {
  GAUGE,
  COUNTER,
  /** Classic buckets in every format; native buckets besides them in protobuf. */
  HISTOGRAM
}
