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
    // df / (df + t²) loses every digit when t² dwarfs df; the form t²/(df + t²) = 1 - x keeps
    // them for the symmetric call.
    double x = df / (df + t2);
    if (x > 0.5) {
      return 1 - SpecialFunctions.regularizedBeta(t2 / (df + t2), 0.5, df / 2);
    }
    return SpecialFunctions.regularizedBeta(x, df / 2, 0.5);
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
