package dev.dxexporter.collect.bench;

/**
 * The special functions the significance tests need: log-gamma, the regularised incomplete beta
 * function (for Student's t) and the regularised incomplete gamma function (for the normal
 * distribution through erfc). Algorithms as in Numerical Recipes (3rd ed., §6.1, §6.2, §6.4):
 * Lanczos log-gamma (g = 7, n = 9 coefficients, about 15 significant digits), the incomplete gamma
 * by series below {@code a + 1} and by Lentz's continued fraction above, and the incomplete beta by
 * its continued fraction (modified Lentz), using the symmetry {@code I_x(a,b) = 1 - I_{1-x}(b,a)}
 * where it converges faster.
 */
final class SpecialFunctions {
  private static final double EPS = 1e-15;
  private static final double FPMIN = Double.MIN_NORMAL / EPS;
  private static final int MAX_ITERATIONS = 10_000;
  private static final double[] LANCZOS = {
    0.99999999999980993,
    676.5203681218851,
    -1259.1392167224028,
    771.32342877765313,
    -176.61502916214059,
    12.507343278686905,
    -0.13857109526572012,
    9.9843695780195716e-6,
    1.5056327351493116e-7
  };

  private SpecialFunctions() {}

  /** ln Γ(x) for x > 0. */
  static double lnGamma(double x) {
    if (!(x > 0)) {
      throw new IllegalArgumentException("lnGamma needs x > 0: " + x);
    }
    if (x < 0.5) { // reflection: Γ(x) Γ(1-x) = π / sin(πx)
      return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
    }
    double z = x - 1;
    double sum = LANCZOS[0];
    for (int i = 1; i < LANCZOS.length; i++) {
      sum += LANCZOS[i] / (z + i);
    }
    double t = z + 7.5;
    return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
  }

  /** The regularised incomplete beta function I_x(a, b), for a, b > 0 and 0 ≤ x ≤ 1. */
  static double regularizedBeta(double x, double a, double b) {
    return regularizedBeta(x, 1 - x, a, b);
  }

  /**
   * I_x(a, b) with {@code y = 1 − x} passed in, so that a caller who knows 1 − x more precisely
   * than the subtraction would give (x close to 1) keeps its digits.
   */
  static double regularizedBeta(double x, double y, double a, double b) {
    if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1) || !(y >= 0 && y <= 1)) {
      throw new IllegalArgumentException("regularizedBeta(" + x + ", " + a + ", " + b + ")");
    }
    if (x == 0 || y == 0) {
      return x == 0 ? 0 : 1;
    }
    double front = Math.exp(a * Math.log(x) + b * Math.log(y) - lnBeta(a, b));
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaContinuedFraction(x, a, b) / a;
    }
    return 1 - front * betaContinuedFraction(y, b, a) / b;
  }

  /**
   * ln B(a, b) = ln Γ(a) + ln Γ(b) − ln Γ(a + b), computed as R's {@code lbeta} does for large
   * arguments (Stirling with its correction term), where the plain difference of log-gammas loses
   * about log10(a) digits.
   */
  static double lnBeta(double a, double b) {
    double p = Math.min(a, b);
    double q = Math.max(a, b);
    if (p >= 10) {
      double corr = stirlingCorrection(p) + stirlingCorrection(q) - stirlingCorrection(p + q);
      return -0.5 * Math.log(q)
          + 0.5 * Math.log(2 * Math.PI)
          + corr
          + (p - 0.5) * Math.log(p / (p + q))
          + q * Math.log1p(-p / (p + q));
    }
    if (q >= 10) {
      double corr = stirlingCorrection(q) - stirlingCorrection(p + q);
      return lnGamma(p) + corr + p - p * Math.log(p + q) + (q - 0.5) * Math.log1p(-p / (p + q));
    }
    return lnGamma(p) + lnGamma(q) - lnGamma(p + q);
  }

  /** ln Γ(x) − ((x − ½) ln x − x + ½ ln 2π) for x ≥ 10: the Stirling series. */
  private static double stirlingCorrection(double x) {
    double r = 1 / x;
    double r2 = r * r;
    return r
        * (1.0 / 12
            - r2
                * (1.0 / 360
                    - r2
                        * (1.0 / 1260
                            - r2 * (1.0 / 1680 - r2 * (1.0 / 1188 - r2 * 691.0 / 360360)))));
  }

  private static double betaContinuedFraction(double x, double a, double b) {
    double qab = a + b;
    double qap = a + 1;
    double qam = a - 1;
    double c = 1;
    double d = 1 - qab * x / qap;
    if (Math.abs(d) < FPMIN) {
      d = FPMIN;
    }
    d = 1 / d;
    double h = d;
    for (int m = 1; m <= MAX_ITERATIONS; m++) {
      int m2 = 2 * m;
      double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < FPMIN ? FPMIN : d;
      c = 1 + aa / c;
      c = Math.abs(c) < FPMIN ? FPMIN : c;
      d = 1 / d;
      h *= d * c;
      aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
      d = 1 + aa * d;
      d = Math.abs(d) < FPMIN ? FPMIN : d;
      c = 1 + aa / c;
      c = Math.abs(c) < FPMIN ? FPMIN : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) {
        return h;
      }
    }
    throw new ArithmeticException("incomplete beta did not converge: a=" + a + " b=" + b);
  }

  /** The upper regularised incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a). */
  static double regularizedGammaQ(double a, double x) {
    if (!(a > 0) || !(x >= 0)) {
      throw new IllegalArgumentException("regularizedGammaQ(" + a + ", " + x + ")");
    }
    if (x == 0) {
      return 1;
    }
    if (x < a + 1) {
      return 1 - gammaSeries(a, x);
    }
    return gammaContinuedFraction(a, x);
  }

  private static double gammaSeries(double a, double x) {
    double ap = a;
    double sum = 1 / a;
    double del = sum;
    for (int n = 0; n < MAX_ITERATIONS; n++) {
      ap++;
      del *= x / ap;
      sum += del;
      if (Math.abs(del) < Math.abs(sum) * EPS) {
        return sum * Math.exp(-x + a * Math.log(x) - lnGamma(a));
      }
    }
    throw new ArithmeticException("incomplete gamma series did not converge: a=" + a);
  }

  private static double gammaContinuedFraction(double a, double x) {
    double b = x + 1 - a;
    double c = 1 / FPMIN;
    double d = 1 / b;
    double h = d;
    for (int i = 1; i <= MAX_ITERATIONS; i++) {
      double an = -i * (i - a);
      b += 2;
      d = an * d + b;
      d = Math.abs(d) < FPMIN ? FPMIN : d;
      c = b + an / c;
      c = Math.abs(c) < FPMIN ? FPMIN : c;
      d = 1 / d;
      double delta = d * c;
      h *= delta;
      if (Math.abs(delta - 1) < EPS) {
        return Math.exp(-x + a * Math.log(x) - lnGamma(a)) * h;
      }
    }
    throw new ArithmeticException("incomplete gamma fraction did not converge: a=" + a);
  }

  /** The complementary error function, through erfc(x) = Q(1/2, x²) for x ≥ 0. */
  static double erfc(double x) {
    if (Double.isNaN(x)) {
      return Double.NaN;
    }
    double q = regularizedGammaQ(0.5, x * x);
    return x >= 0 ? q : 2 - q;
  }

  /** P(Z > z) for a standard normal Z, accurate far into the tail. */
  static double normalSurvival(double z) {
    return 0.5 * erfc(z / Math.sqrt(2));
  }
}
