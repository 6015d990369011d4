package dev.dxexporter.collect.bench;

/**
 * Welch's two-sample t-test (unequal variances), two-sided: t = (mean₁ − mean₂) / √(s₁²/n₁ +
 * s₂²/n₂) with the Welch–Satterthwaite degrees of freedom. The same statistic as R's {@code
 * t.test(x, y)} and SciPy's {@code ttest_ind(x, y, equal_var=False)}.
 *
 * @param t the statistic, positive when the first sample's mean is larger
 * @param degreesOfFreedom Welch–Satterthwaite df (NaN when both variances are zero)
 * @param p the two-sided p-value
 */
public record WelchTTest(double t, double degreesOfFreedom, double p) {

  /** Both samples need at least two values (a variance). */
  public static WelchTTest of(double[] first, double[] second) {
    if (first.length < 2 || second.length < 2) {
      throw new IllegalArgumentException(
          "Welch's t-test needs two values per sample: " + first.length + ", " + second.length);
    }
    double m1 = mean(first);
    double m2 = mean(second);
    double v1 = variance(first, m1) / first.length;
    double v2 = variance(second, m2) / second.length;
    double se2 = v1 + v2;
    if (se2 == 0) { // two constant samples: identical, or different with certainty
      return new WelchTTest(
          m1 == m2 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, m1 - m2),
          Double.NaN,
          m1 == m2 ? 1 : 0);
    }
    double t = (m1 - m2) / Math.sqrt(se2);
    double df = se2 * se2 / (v1 * v1 / (first.length - 1) + v2 * v2 / (second.length - 1));
    return new WelchTTest(t, df, new StudentT(df).twoSidedP(t));
  }

  static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  /** The unbiased sample variance (n − 1), two-pass for accuracy. */
  static double variance(double[] values, double mean) {
    double sum = 0;
    double compensation = 0;
    for (double v : values) {
      double d = v - mean;
      sum += d * d;
      compensation += d;
    }
    return (sum - compensation * compensation / values.length) / (values.length - 1);
  }
}
