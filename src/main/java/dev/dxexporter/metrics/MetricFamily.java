package dev.dxexporter.metrics;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Name, help and type of one metric family. Counter names carry their {@code _total} suffix here,
 * as they appear on the wire.
 */
public record MetricFamily(String name, String help, MetricType type) {
  private static final Pattern NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

  public MetricFamily {
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(type, "type");
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("invalid metric name: " + name);
    }
    if (type == MetricType.COUNTER && !name.endsWith("_total")) {
      throw new IllegalArgumentException("counter name must end in _total: " + name);
    }
    if (type == MetricType.HISTOGRAM
        && (name.endsWith("_bucket") || name.endsWith("_sum") || name.endsWith("_count"))) {
      throw new IllegalArgumentException("histogram base name must not carry a suffix: " + name);
    }
  }

  public static MetricFamily gauge(String name, String help) {
    return new MetricFamily(name, help, MetricType.GAUGE);
  }

  public static MetricFamily counter(String name, String help) {
    return new MetricFamily(name, help, MetricType.COUNTER);
  }

  /** A histogram; {@code name} is the base name (the series add _bucket, _sum, _count). */
  public static MetricFamily histogram(String name, String help) {
    return new MetricFamily(name, help, MetricType.HISTOGRAM);
  }
}
