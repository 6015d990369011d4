package dev.dxexporter.collect.bench;

import java.util.Arrays;

/**
 * The Mann–Whitney U test (Wilcoxon rank-sum), two-sided. U₁ counts the pairs in which the first
 * sample's value is larger (ties count one half); the p-value is computed
 *
 * <ul>
 *   <li><b>exactly</b> when there are no ties and both samples have at most {@value #EXACT_MAX}
 *       values: the null distribution of U by the recurrence P(m,n,u) = m/(m+n)·P(m−1,n,u−n) +
 *       n/(m+n)·P(m,n−1,u) (the largest value belongs to either sample), p = 2·P(U ≥ max(U₁,U₂)),
 *       capped at 1 — SciPy's {@code method="exact"};
 *   <li>otherwise by the <b>normal approximation</b> with the tie correction of the variance, σ² =
 *       n₁n₂/12 · ((n+1) − Σ(t³−t)/(n(n−1))), and a continuity correction of 1/2: z = (max(U₁,U₂) −
 *       n₁n₂/2 − 1/2)/σ, p = 2·P(Z ≥ z) — SciPy's {@code method="asymptotic"}. It is adequate from
 *       about eight values per sample; the regression rule asks for more.
 * </ul>
 *
 * @param u U₁, the statistic of the first sample
 * @param p the two-sided p-value
 * @param exact whether p is exact (else the normal approximation)
 */
public record MannWhitneyU(double u, double p, boolean exact) {
  /** Largest sample size for the exact distribution: its table costs m²n²/4 steps, 0.2 M at 30. */
  public static final int EXACT_MAX = 30;

  public static MannWhitneyU of(double[] first, double[] second) {
    int n1 = first.length;
    int n2 = second.length;
    if (n1 == 0 || n2 == 0) {
      throw new IllegalArgumentException("Mann-Whitney U needs values in both samples");
    }
    if (!finite(first) || !finite(second)) {
      throw new IllegalArgumentException("Mann-Whitney U needs finite values");
    }
    int n = n1 + n2;
    // Ranks by merging the two sorted samples: a tie group spanning both gets its average rank.
    double[] a = first.clone();
    double[] b = second.clone();
    Arrays.sort(a);
    Arrays.sort(b);
    double rankSumFirst = 0;
    double tieTerm = 0;
    int i = 0;
    int j = 0;
    int rank = 0; // ranks handed out so far
    while (i < n1 || j < n2) {
      double v = j == n2 || (i < n1 && a[i] <= b[j]) ? a[i] : b[j];
      int inFirst = 0;
      while (i < n1 && a[i] == v) {
        i++;
        inFirst++;
      }
      int inSecond = 0;
      while (j < n2 && b[j] == v) {
        j++;
        inSecond++;
      }
      double t = inFirst + inSecond;
      rankSumFirst += inFirst * (rank + (t + 1) / 2);
      tieTerm += t * t * t - t;
      rank += inFirst + inSecond;
    }
    double u1 = rankSumFirst - n1 * (n1 + 1) / 2.0;
    double big = Math.max(u1, (double) n1 * n2 - u1);
    if (tieTerm == 0 && n1 <= EXACT_MAX && n2 <= EXACT_MAX) {
      return new MannWhitneyU(u1, Math.min(1, 2 * exactSurvival((int) big, n1, n2)), true);
    }
    double mu = n1 * (double) n2 / 2;
    double sigma = Math.sqrt(n1 * (double) n2 / 12 * ((n + 1) - tieTerm / ((double) n * (n - 1))));
    if (sigma == 0) { // every value equal
      return new MannWhitneyU(u1, 1, false);
    }
    double z = (big - mu - 0.5) / sigma;
    return new MannWhitneyU(u1, Math.min(1, 2 * SpecialFunctions.normalSurvival(z)), false);
  }

  static boolean finite(double[] values) {
    for (double v : values) {
      if (!Double.isFinite(v)) {
        return false;
      }
    }
    return true;
  }

  /** P(U ≥ u) under the null hypothesis for sample sizes m and n, without ties. */
  static double exactSurvival(int u, int m, int n) {
    // dist[j][k] = P(U = k) for sizes (i, j), updated in place from i - 1 to i. For j ascending,
    // dist[j - 1] already holds sizes (i, j - 1); dist[j] still holds (i - 1, j), read at k - j
    // before k is written because k runs downwards. One allocation of about m·n²/2 values.
    double[][] dist = new double[n + 1][];
    for (int j = 0; j <= n; j++) {
      dist[j] = new double[m * j + 1];
      dist[j][0] = 1; // i = 0: U = 0
    }
    for (int i = 1; i <= m; i++) {
      for (int j = 1; j <= n; j++) {
        double fromFirst = (double) i / (i + j); // the largest value is the first sample's
        double[] cur = dist[j];
        double[] left = dist[j - 1];
        for (int k = i * j; k >= 0; k--) {
          double shifted = k >= j ? cur[k - j] : 0;
          double same = k < left.length && k <= i * (j - 1) ? left[k] : 0;
          cur[k] = fromFirst * shifted + (1 - fromFirst) * same;
        }
      }
    }
    double[] d = dist[n];
    double tail = 0;
    for (int k = m * n; k >= Math.max(0, u); k--) {
      tail += d[k];
    }
    return Math.min(1, tail);
  }
}
