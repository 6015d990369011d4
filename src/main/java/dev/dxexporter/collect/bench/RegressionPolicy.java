package dev.dxexporter.collect.bench;

/**
 * The knobs of {@link Regression}.
 *
 * @param threshold the smallest change that counts, as a fraction (0.10 = 10 %; the roadmap's
 *     benchmark gate)
 * @param significance the p-value below which a change is significant (0.05)
 * @param minSamples the fewest values each side needs (10)
 * @param test {@link RegressionMethod#WELCH_T} or {@link RegressionMethod#MANN_WHITNEY_U}
 * @param criterionNoiseThreshold criterion's noise threshold (0.01, criterion's default; set it to
 *     the benches' {@code noise_threshold} when they change it)
 */
public record RegressionPolicy(
    double threshold,
    double significance,
    int minSamples,
    RegressionMethod test,
    double criterionNoiseThreshold) {

  public static final RegressionPolicy DEFAULT =
      new RegressionPolicy(0.10, 0.05, 10, RegressionMethod.WELCH_T, 0.01);

  public RegressionPolicy {
    if (!(threshold >= 0) || !(significance > 0 && significance < 1) || minSamples < 2) {
      throw new IllegalArgumentException(
          "threshold >= 0, 0 < significance < 1 and minSamples >= 2 are needed");
    }
    if (test != RegressionMethod.WELCH_T && test != RegressionMethod.MANN_WHITNEY_U) {
      throw new IllegalArgumentException("test must be WELCH_T or MANN_WHITNEY_U: " + test);
    }
    if (!(criterionNoiseThreshold >= 0)) {
      throw new IllegalArgumentException("criterionNoiseThreshold must be >= 0");
    }
  }
}
