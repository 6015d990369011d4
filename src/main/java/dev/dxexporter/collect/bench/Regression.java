package dev.dxexporter.collect.bench;

import java.util.List;

/**
 * Decides whether a benchmark regressed. The rule (defaults in {@link RegressionPolicy#DEFAULT}):
 *
 * <p><b>Change ratio.</b> {@code current / baseline − 1}, sign-normalised so that negative is
 * always worse: negated for times (lower is better), as is for rates (higher is better). 10 % more
 * time per iteration is −0.10. Computed on means for Welch's test and criterion, on medians for
 * Mann–Whitney U.
 *
 * <p><b>criterion</b> ({@link #criterion}). When {@code change/estimates.json} belongs to the
 * latest run, criterion's own verdict is used: <i>regressed</i> when the confidence interval (95 %
 * by default) of the relative change of the mean lies entirely above +noise threshold (default
 * 0.01), <i>improved</i> when entirely below −noise threshold, else unchanged. criterion also
 * requires its bootstrap t-test p &lt; 0.05, which it does not save: when the compared baseline's
 * samples are still on disk (a {@code --baseline NAME} comparison), Welch's p on the two samples
 * stands in for it; after a plain {@code cargo bench} they have been overwritten and the interval
 * decides alone (an interval that excludes ±1 % implies a small p). Without a current change, the
 * latest samples are compared with {@code base/} by the sample rule below, if {@code base/} is not
 * merely the copy of the latest run criterion saves; else not enough data.
 *
 * <p><b>Two samples</b> ({@link #compare}): per-iteration samples of two runs, or the last N point
 * estimates of each branch. Each side needs at least {@code minSamples} (10) values, else <i>not
 * enough data</i>. The test is Welch's t-test (default) or Mann–Whitney U (exact without ties up to
 * 30 values a side, else normal approximation with tie and continuity correction), two-sided.
 * <i>Regressed</i> when change &lt; −threshold (10 %) and p &lt; significance (0.05);
 * <i>improved</i> when change &gt; +threshold and p &lt; significance; else unchanged.
 *
 * <p><b>One value against history</b> ({@link #againstHistory}): the latest point estimate against
 * the last N point estimates on the base branch, N ≥ {@code minSamples}. Welch mode uses Student's
 * t prediction interval, t = (x − mean) / (s·√(1 + 1/N)), N − 1 degrees of freedom; Mann–Whitney
 * mode its exact rank among them, p = 2·min(#≥x + 1, #≤x + 1)/(N + 1) (which needs N ≥ 39 to reach
 * p &lt; 0.05). Same thresholds as above.
 *
 * <p>Anything that cannot be judged — no baseline, too few values, a baseline ≤ 0, a unit or
 * direction mismatch — is {@link RegressionVerdict#NOT_ENOUGH_DATA}, never "unchanged".
 */
public final class Regression {
  private final RegressionPolicy policy;

  public Regression(RegressionPolicy policy) {
    this.policy = policy;
  }

  public Regression() {
    this(RegressionPolicy.DEFAULT);
  }

  public RegressionPolicy policy() {
    return policy;
  }

  /** The latest run against a baseline run, on their samples. */
  public RegressionResult compare(BenchmarkResult current, BenchmarkResult baseline) {
    if (!current.primary().unit().equals(baseline.primary().unit())) {
      return RegressionResult.notEnoughData(
          current.samples().size(),
          baseline.samples().size(),
          "units differ: " + current.primary().unit() + " vs " + baseline.primary().unit());
    }
    return compare(
        current.samples().values(), baseline.samples().values(), current.primary().direction());
  }

  /** Two samples of one quantity whose direction is {@code direction}. */
  public RegressionResult compare(double[] current, double[] baseline, Direction direction) {
    int n1 = current.length;
    int n2 = baseline.length;
    if (direction == null) {
      return RegressionResult.notEnoughData(n1, n2, "the unit does not say which way is better");
    }
    if (n1 < policy.minSamples() || n2 < policy.minSamples()) {
      return RegressionResult.notEnoughData(
          n1, n2, "needs " + policy.minSamples() + " values a side, has " + n1 + " and " + n2);
    }
    if (!MannWhitneyU.finite(current) || !MannWhitneyU.finite(baseline)) {
      return RegressionResult.notEnoughData(n1, n2, "a sample holds NaN or an infinity");
    }
    boolean welch = policy.test() == RegressionMethod.WELCH_T;
    double now = welch ? WelchTTest.mean(current) : Samples.of(current).quantile(0.5);
    double then = welch ? WelchTTest.mean(baseline) : Samples.of(baseline).quantile(0.5);
    double change = direction.performanceChange(now, then);
    if (Double.isNaN(change)) {
      return RegressionResult.notEnoughData(n1, n2, "baseline is not positive: " + then);
    }
    double p =
        welch ? WelchTTest.of(current, baseline).p() : MannWhitneyU.of(current, baseline).p();
    return decide(change, p, policy.test(), n1, n2);
  }

  /** The latest point estimate against past point estimates (same unit) on the base branch. */
  public RegressionResult againstHistory(BenchmarkResult current, List<Double> history) {
    return againstHistory(current.primary().value(), history, current.primary().direction());
  }

  public RegressionResult againstHistory(double current, List<Double> history, Direction dir) {
    int n = history.size();
    if (dir == null) {
      return RegressionResult.notEnoughData(1, n, "the unit does not say which way is better");
    }
    if (n < policy.minSamples()) {
      return RegressionResult.notEnoughData(
          1, n, "needs " + policy.minSamples() + " past results, has " + n);
    }
    double[] past = history.stream().mapToDouble(Double::doubleValue).toArray();
    if (!Double.isFinite(current) || !MannWhitneyU.finite(past)) {
      return RegressionResult.notEnoughData(1, n, "a value is NaN or an infinity");
    }
    boolean welch = policy.test() == RegressionMethod.WELCH_T;
    double reference = welch ? WelchTTest.mean(past) : Samples.of(past).quantile(0.5);
    double change = dir.performanceChange(current, reference);
    if (Double.isNaN(change)) {
      return RegressionResult.notEnoughData(1, n, "baseline is not positive: " + reference);
    }
    double p;
    if (welch) {
      double s = Math.sqrt(Math.max(0, WelchTTest.variance(past, reference)));
      double scale = s * Math.sqrt(1 + 1.0 / n);
      p =
          scale == 0
              ? (current == reference ? 1 : 0)
              : new StudentT(n - 1).twoSidedP((current - reference) / scale);
    } else {
      int atLeast = 0;
      int atMost = 0;
      for (double v : past) {
        atLeast += v >= current ? 1 : 0;
        atMost += v <= current ? 1 : 0;
      }
      p = Math.min(1, 2.0 * Math.min(atLeast + 1, atMost + 1) / (n + 1));
    }
    return decide(change, p, welch ? RegressionMethod.PREDICTION_T : RegressionMethod.RANK, 1, n);
  }

  /** criterion's own verdict from {@code change/}, else the sample rule against {@code base/}. */
  public RegressionResult criterion(CriterionBenchmark benchmark) {
    BenchmarkResult latest = benchmark.latest();
    CriterionChange change = benchmark.change();
    int n1 = latest.samples().size();
    if (change != null && change.current() && change.mean().interval() != null) {
      BenchmarkResult against =
          change.baseline() == null ? null : benchmark.baselines().get(change.baseline());
      double p =
          against != null && n1 >= 2 && against.samples().size() >= 2
              ? WelchTTest.of(latest.samples().values(), against.samples().values()).p()
              : Double.NaN;
      int n2 = against == null ? 0 : against.samples().size();
      double noise = policy.criterionNoiseThreshold();
      ConfidenceInterval ci = change.mean().interval();
      double ratio = -change.mean().pointEstimate();
      RegressionVerdict verdict;
      String reason;
      if (!Double.isNaN(p) && p >= policy.significance()) {
        verdict = RegressionVerdict.UNCHANGED;
        reason = "no change in performance detected (p = " + p + ")";
      } else if (ci.lower() > noise) {
        verdict = RegressionVerdict.REGRESSED;
        reason = "change interval [" + ci.lower() + ", " + ci.upper() + "] above +" + noise;
      } else if (ci.upper() < -noise) {
        verdict = RegressionVerdict.IMPROVED;
        reason = "change interval [" + ci.lower() + ", " + ci.upper() + "] below -" + noise;
      } else {
        verdict = RegressionVerdict.UNCHANGED;
        reason = "change within noise threshold ±" + noise;
      }
      return new RegressionResult(verdict, ratio, p, RegressionMethod.CRITERION, n1, n2, reason);
    }
    BenchmarkResult base = benchmark.baselines().get("base");
    if (base == null) {
      return RegressionResult.notEnoughData(n1, 0, "no current change/ and no base/ baseline");
    }
    if (base.samples().equals(latest.samples())) {
      return RegressionResult.notEnoughData(
          n1, 0, "no current change/, and base/ is the copy of the latest run");
    }
    return compare(latest, base);
  }

  private RegressionResult decide(
      double change, double p, RegressionMethod method, int n1, int n2) {
    boolean significant = p < policy.significance();
    RegressionVerdict verdict;
    String reason;
    if (significant && change < -policy.threshold()) {
      verdict = RegressionVerdict.REGRESSED;
      reason = "worse by " + percent(-change) + " (p = " + p + ")";
    } else if (significant && change > policy.threshold()) {
      verdict = RegressionVerdict.IMPROVED;
      reason = "better by " + percent(change) + " (p = " + p + ")";
    } else {
      verdict = RegressionVerdict.UNCHANGED;
      reason =
          significant
              ? "change " + percent(change) + " within the threshold " + percent(policy.threshold())
              : "not significant (p = " + p + ")";
    }
    return new RegressionResult(verdict, change, p, method, n1, n2, reason);
  }

  private static String percent(double fraction) {
    return String.format(java.util.Locale.ROOT, "%.2f %%", fraction * 100);
  }
}
