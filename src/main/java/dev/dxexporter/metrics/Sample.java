package dev.dxexporter.metrics;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** One sample: a family, its label set (sorted by name) and a value. Immutable. */
public record Sample(MetricFamily family, Map<String, String> labels, double value) {

  public Sample {
    Objects.requireNonNull(family, "family");
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
  }

  /**
   * {@code Sample.of(family, 42, "project", "p", "cache", "target")}: labels as name/value pairs.
   */
  public static Sample of(MetricFamily family, double value, String... labelPairs) {
    if (labelPairs.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name/value pairs");
    }
    Map<String, String> labels = new TreeMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      labels.put(labelPairs[i], Objects.requireNonNull(labelPairs[i + 1], labelPairs[i]));
    }
    return new Sample(family, labels, value);
  }
}
