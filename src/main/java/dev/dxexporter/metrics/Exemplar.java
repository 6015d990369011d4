package dev.dxexporter.metrics;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An exemplar: one observed value with a few labels that point at where it came from (a CI run's
 * URL), so that a per-run identity is reachable from a histogram bucket without becoming a label.
 * OpenMetrics limits an exemplar's label names and values to 128 UTF-8 characters together; longer
 * label sets are refused here rather than silently dropped by a writer.
 */
public record Exemplar(double value, Map<String, String> labels, Optional<Instant> timestamp) {
  public static final int MAX_LABEL_CHARS = 128;

  public Exemplar {
    labels = Collections.unmodifiableMap(new TreeMap<>(labels));
    int chars = 0;
    for (Map.Entry<String, String> e : labels.entrySet()) {
      chars += e.getKey().codePointCount(0, e.getKey().length());
      chars += e.getValue().codePointCount(0, e.getValue().length());
    }
    if (chars > MAX_LABEL_CHARS) {
      throw new IllegalArgumentException(
          "exemplar labels have " + chars + " characters, more than " + MAX_LABEL_CHARS);
    }
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("exemplar value must be finite: " + value);
    }
  }

  /**
   * An exemplar with one label, or empty when the label would exceed the OpenMetrics limit (a very
   * long URL): the observation still counts, only its pointer is lost.
   */
  public static Optional<Exemplar> of(double value, String label, String labelValue, Instant at) {
    int chars =
        label.codePointCount(0, label.length()) + labelValue.codePointCount(0, labelValue.length());
    if (chars > MAX_LABEL_CHARS || !Double.isFinite(value)) {
      return Optional.empty();
    }
    return Optional.of(new Exemplar(value, Map.of(label, labelValue), Optional.ofNullable(at)));
  }
}
