package dev.dxexporter.collect.bench;

/**
 * Student's t distribution with {@code df} degrees of freedom (any real df > 0, as Welch's test
 * needs), through the regularised incomplete beta function: for t ≥ 0, P(|T| ≥ t) = I_{df/(df +
 * t²)}(df/2, 1/2).
 */
public final class StudentT {
  private final double df;

  public StudentT(double df) {
    if (!(df > 0) || Double.isNaN(df)) {
      throw new IllegalArgumentException("degrees of freedom must be positive: " + df);
    }
    this.df = df;
  }

  public double degreesOfFreedom() {
    return df;
  }

  /** P(|T| ≥ |t|): the two-sided p-value of the statistic t. */
  public double twoSidedP(double t) {
    if (Double.isNaN(t)) {
      return Double.NaN;
    }
    if (Double.isInfinite(t)) {
      return 0;
    }
    if (Double.isInfinite(df)) {
      return 2 * SpecialFunctions.normalSurvival(Math.abs(t));
    }
    double t2 = t * t;
    // x = df/(df + t²) and 1 − x = t²/(df + t²), each computed directly: the subtraction would
    // lose the digits of a small t.
    return SpecialFunctions.regularizedBeta(df / (df + t2), t2 / (df + t2), df / 2, 0.5);
  }

  /** P(T ≤ t). */
  public double cdf(double t) {
    double tail = twoSidedP(t) / 2;
    return t >= 0 ? 1 - tail : tail;
  }

  /** P(T > t). */
  public double survival(double t) {
    double tail = twoSidedP(t) / 2;
    return t >= 0 ? tail : 1 - tail;
  }
}
