package dev.dxexporter.plan;

import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.collect.bench.RegressionMethod;
import dev.dxexporter.collect.bench.RegressionPolicy;
import dev.dxexporter.config.SectionReader;
import dev.dxexporter.config.yaml.YamlMapping;
import dev.dxexporter.ingest.RegressionSettings;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code regression: {threshold, min_samples, history, base_branch, test}} of a benchmarks section,
 * each key defaulting to {@code defaults}; bad values are located errors and keep the default.
 */
final class BenchmarkRegressionConfig {
  private BenchmarkRegressionConfig() {}

  static RegressionSettings read(
      YamlMapping section, SectionReader reader, RegressionSettings defaults) {
    if (section.get("regression").isEmpty()) {
      return defaults;
    }
    YamlMapping r = reader.mapping(section.get("regression").get(), section.child("regression"));
    RegressionPolicy d = defaults.policy();
    double threshold = number(r, reader, "threshold", 0, 10).orElse(d.threshold());
    int minSamples =
        (int)
            (double) number(r, reader, "min_samples", 2, 1_000_000).orElse((double) d.minSamples());
    int history =
        (int) (double) number(r, reader, "history", 1, 10_000).orElse((double) defaults.history());
    String base = r.string("base_branch").filter(s -> !s.isBlank()).orElse(defaults.baseBranch());
    RegressionMethod test = d.test();
    Optional<String> testName = r.string("test");
    if (testName.isPresent()) {
      switch (testName.get()) {
        case "welch" -> test = RegressionMethod.WELCH_T;
        case "mann-whitney" -> test = RegressionMethod.MANN_WHITNEY_U;
        default ->
            reader
                .errors()
                .at(r.get("test").get(), r.child("test"), "test must be welch or mann-whitney");
      }
    }
    r.rejectUnknownKeys();
    return new RegressionSettings(
        new RegressionPolicy(
            threshold, d.significance(), minSamples, test, d.criterionNoiseThreshold()),
        history,
        base);
  }

  /** A number within [min, max] (whole when min is), or empty with a located error. */
  private static Optional<Double> number(
      YamlMapping m, SectionReader reader, String key, double min, double max) {
    Optional<String> text = m.string(key);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    boolean whole = !key.equals("threshold");
    try {
      double v = whole ? Long.parseLong(text.get().strip()) : Double.parseDouble(text.get());
      if (v >= min && v <= max) {
        return Optional.of(v);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    reader
        .errors()
        .at(
            m.get(key).get(),
            m.child(key),
            (whole ? "expected a whole number" : "expected a number (0.10 = 10 %)")
                + " from "
                + (whole ? String.valueOf((long) min) : String.valueOf(min))
                + " to "
                + (whole ? String.valueOf((long) max) : String.valueOf(max))
                + ", got "
                + text.get());
    return Optional.empty();
  }

  static String formatNames() {
    return Arrays.stream(BenchmarkFormat.values())
        .map(BenchmarkFormat::toolName)
        .collect(Collectors.joining(", "));
  }
}
