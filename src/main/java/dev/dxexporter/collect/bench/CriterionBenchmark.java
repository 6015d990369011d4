package dev.dxexporter.collect.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One criterion benchmark directory: its latest run ({@code new/}), every saved baseline beside it
 * ({@code base/} and named ones such as {@code 0.3.6/}), and criterion's own comparison.
 *
 * @param directory the benchmark's directory ({@code target/criterion/<directory_name>})
 * @param latest the {@code new/} run
 * @param baselines by directory name, sorted; {@code base} is criterion's default name
 * @param change {@code change/estimates.json}, or null when criterion made no comparison
 * @param tukeyFences {@code new/tukey.json}: low severe, low mild, high mild, high severe fences in
 *     seconds per iteration; empty when absent
 */
public record CriterionBenchmark(
    CriterionId id,
    Path directory,
    BenchmarkResult latest,
    Map<String, BenchmarkResult> baselines,
    CriterionChange change,
    List<Double> tukeyFences) {

  public CriterionBenchmark {
    baselines = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(baselines));
    tukeyFences = List.copyOf(tukeyFences);
  }
}
