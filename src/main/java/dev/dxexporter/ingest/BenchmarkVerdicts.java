package dev.dxexporter.ingest;

import dev.dxexporter.collect.bench.Direction;
import dev.dxexporter.collect.bench.Regression;
import dev.dxexporter.collect.bench.RegressionMethod;
import dev.dxexporter.collect.bench.RegressionResult;
import dev.dxexporter.collect.bench.RegressionVerdict;
import dev.dxexporter.store.BenchmarkReport;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoredBenchmark;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The regression verdict of each benchmark of a report, in this order:
 *
 * <ol>
 *   <li>criterion's own, judged from its {@code change/} at ingestion;
 *   <li>else the report's samples against those of the newest earlier report of the same name on
 *       the base branch (Welch's t-test or Mann–Whitney U), when both sides have {@code
 *       min_samples} values;
 *   <li>else the report's point estimate against the point estimates of the last {@code history}
 *       earlier base-branch reports (prediction interval or rank), when there are {@code
 *       min_samples} of them;
 *   <li>else no verdict ({@link RegressionVerdict#NOT_ENOUGH_DATA}), never "unchanged".
 * </ol>
 *
 * Only results with the same unit and direction are compared. The threshold (10 %) and p &lt; 0.05
 * apply in 2 and 3 (see {@link Regression}).
 */
final class BenchmarkVerdicts {
  private final Regression regression;
  private final RegressionSettings settings;

  BenchmarkVerdicts(RegressionSettings settings) {
    this.settings = settings;
    this.regression = new Regression(settings.policy());
  }

  /** Verdicts by benchmark name, in the report's order. */
  Map<String, RegressionResult> of(Store store, BenchmarkReport report) {
    List<BenchmarkReport> history = null; // read once, and only when a benchmark needs it
    Map<String, RegressionResult> out = new LinkedHashMap<>();
    for (StoredBenchmark b : report.benchmarks()) {
      if (b.toolVerdict() != null) {
        out.put(b.name(), fromTool(b));
        continue;
      }
      if (history == null) {
        history = store.benchmarkHistory(report, settings.baseBranch(), settings.history());
      }
      out.put(b.name(), judge(b, history));
    }
    return out;
  }

  private RegressionResult judge(StoredBenchmark b, List<BenchmarkReport> history) {
    Direction direction = direction(b.direction());
    double[] current = b.samples();
    List<Double> past = new ArrayList<>();
    double[] previousSamples = null;
    for (BenchmarkReport r : history) {
      for (StoredBenchmark p : r.benchmarks()) {
        if (p.name().equals(b.name())
            && p.unit().equals(b.unit())
            && java.util.Objects.equals(p.direction(), b.direction())) {
          past.add(p.value());
          if (previousSamples == null) {
            previousSamples = p.samples();
          }
        }
      }
    }
    int min = settings.policy().minSamples();
    if (previousSamples != null
        && current.length >= min
        && previousSamples.length >= min
        && direction != null) {
      return regression.compare(current, previousSamples, direction);
    }
    if (direction == null) {
      return RegressionResult.notEnoughData(
          current.length, past.size(), "the unit does not say which way is better");
    }
    if (past.size() < min) {
      return RegressionResult.notEnoughData(
          current.length,
          past.size(),
          "needs "
              + min
              + " samples a side or "
              + min
              + " earlier results on "
              + settings.baseBranch()
              + "; has "
              + current.length
              + " samples and "
              + past.size()
              + " earlier results");
    }
    return regression.againstHistory(b.value(), past, direction);
  }

  private static RegressionResult fromTool(StoredBenchmark b) {
    StoredBenchmark.ToolVerdict v = b.toolVerdict();
    return new RegressionResult(
        RegressionVerdict.valueOf(v.verdict().toUpperCase(Locale.ROOT)),
        v.changeRatio(),
        v.pValue() == null ? Double.NaN : v.pValue(),
        RegressionMethod.CRITERION,
        b.samples().length,
        0,
        "criterion's change interval");
  }

  private static Direction direction(String code) {
    if (code == null) {
      return null;
    }
    return code.equals("lower") ? Direction.LOWER_IS_BETTER : Direction.HIGHER_IS_BETTER;
  }
}
