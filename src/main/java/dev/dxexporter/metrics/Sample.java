package dev.dxexporter.metrics;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One point of a metric family: a gauge or counter value ({@link Scalar}) or a whole histogram
 * ({@link Histogram}), with its label set (sorted by name). Immutable.
 */
public sealed interface Sample {
  MetricFamily family();

  Map<String, String> labels();

  /** A gauge or counter value, optionally with an exemplar (OpenMetrics shows it on counters). */
  record Scalar(
      MetricFamily family, Map<String, String> labels, double value, Optional<Exemplar> exemplar)
      implements Sample {
    public Scalar {
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(exemplar, "exemplar");
      if (family.type() == MetricType.HISTOGRAM) {
        throw new IllegalArgumentException(family.name() + " is a histogram, not a value");
      }
      labels = sorted(labels);
    }
  }

  /** The state of one histogram series: its buckets, sum, count and exemplars. */
  record Histogram(MetricFamily family, Map<String, String> labels, HistogramData data)
      implements Sample {
    public Histogram {
      Objects.requireNonNull(family, "family");
      Objects.requireNonNull(data, "data");
      if (family.type() != MetricType.HISTOGRAM) {
        throw new IllegalArgumentException(family.name() + " is not a histogram");
      }
      labels = sorted(labels);
    }
  }

  /**
   * {@code Sample.of(family, 42, "project", "p", "cache", "target")}: labels as name/value pairs.
   */
  static Scalar of(MetricFamily family, double value, String... labelPairs) {
    return new Scalar(family, pairs(labelPairs), value, Optional.empty());
  }

  /** A histogram sample, labels as name/value pairs. */
  static Histogram histogram(MetricFamily family, HistogramData data, String... labelPairs) {
    return new Histogram(family, pairs(labelPairs), data);
  }

  private static Map<String, String> pairs(String... labelPairs) {
    if (labelPairs.length % 2 != 0) {
      throw new IllegalArgumentException("labels come in name/value pairs");
    }
    Map<String, String> labels = new TreeMap<>();
    for (int i = 0; i < labelPairs.length; i += 2) {
      labels.put(labelPairs[i], Objects.requireNonNull(labelPairs[i + 1], labelPairs[i]));
    }
    return labels;
  }

  private static Map<String, String> sorted(Map<String, String> labels) {
    return LabelSet.of(labels);
  }
}
