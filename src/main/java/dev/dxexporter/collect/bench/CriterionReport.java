package dev.dxexporter.collect.bench;

import dev.dxexporter.collect.input.InputException;
import java.util.List;

/**
 * A whole {@code target/criterion} tree: the benchmarks that could be read, and one located error
 * per benchmark (or baseline) that could not — a half-written file, a missing {@code
 * estimates.json}, garbage — so one bad directory never hides the others.
 */
public record CriterionReport(List<CriterionBenchmark> benchmarks, List<InputException> errors) {
  public CriterionReport {
    benchmarks = List.copyOf(benchmarks);
    errors = List.copyOf(errors);
  }
}
