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
    if (!(a > 0) || !(b > 0) || !(x >= 0 && x <= 1)) {
      throw new IllegalArgumentException("regularizedBeta(" + x + ", " + a + ", " + b + ")");
    }
    if (x == 0 || x == 1) {
      return x;
    }
    double front =
        Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
    if (x < (a + 1) / (a + b + 2)) {
      return front * betaContinuedFraction(x, a, b) / a;
    }
    return 1 - front * betaContinuedFraction(1 - x, b, a) / b;
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
