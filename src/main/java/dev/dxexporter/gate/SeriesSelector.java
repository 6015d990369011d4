package dev.dxexporter.gate;

import dev.dxexporter.metrics.Sample;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An objective's metric read as a plain series selector ({@code name} or {@code
 * name{label="value",…}}), matched against the exporter's own samples. An expression over time
 * ({@code max_over_time(…)}) is no selector: only Prometheus can evaluate it.
 */
record SeriesSelector(String name, Map<String, String> labels) {
  private static final Pattern SELECTOR =
      Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)\\})?");
  private static final Pattern FAMILY = Pattern.compile("\\bdx_[a-zA-Z0-9_]+");
  private static final Pattern MATCHER = Pattern.compile("\\s*(\\w+)\\s*=\\s*\"([^\"]*)\"\\s*");

  SeriesSelector {
    labels = Map.copyOf(labels);
  }

  /** The selector {@code metric} is, or empty when it is an expression. */
  static Optional<SeriesSelector> parse(String metric) {
    Matcher m = SELECTOR.matcher(metric.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (m.group(2) != null && !m.group(2).isBlank()) {
      for (String part : m.group(2).split(",")) {
        Matcher l = MATCHER.matcher(part);
        if (!l.matches()) {
          return Optional.empty();
        }
        labels.put(l.group(1), l.group(2));
      }
    }
    return Optional.of(new SeriesSelector(m.group(1), labels));
  }

  /**
   * The metric family an objective reads: the selector's name, or for an expression the first
   * {@code dx_} metric in it ({@code max_over_time(dx_coverage_ratio[7d]) - …} reads {@code
   * dx_coverage_ratio}); empty when it names none.
   */
  static Optional<String> family(String metric) {
    Optional<SeriesSelector> selector = parse(metric);
    if (selector.isPresent()) {
      return Optional.of(selector.get().name());
    }
    Matcher m = FAMILY.matcher(metric);
    return m.find() ? Optional.of(m.group()) : Optional.empty();
  }

  /** Whether {@code s} is a finite value of this series for {@code project}. */
  boolean matches(Sample s, String project) {
    return s instanceof Sample.Scalar v
        && v.family().name().equals(name)
        && project.equals(v.labels().get("project"))
        && labelsMatch(v.labels())
        && Double.isFinite(v.value());
  }

  // A loop, not a stream: called for every sample of every card line at every render.
  private boolean labelsMatch(Map<String, String> sampleLabels) {
    for (Map.Entry<String, String> e : labels.entrySet()) {
      if (!e.getValue().equals(sampleLabels.get(e.getKey()))) {
        return false;
      }
    }
    return true;
  }
}
