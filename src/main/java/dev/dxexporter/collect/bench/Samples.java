package dev.dxexporter.collect.bench;

import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The raw per-iteration values of one benchmark run, in the unit of its {@link
 * BenchmarkResult#primary() primary} value (seconds for times), in the tool's order. At most {@link
 * #MAX} are kept: a larger sample is thinned to {@code MAX} evenly spaced values (every k-th in the
 * tool's order, deterministic), which keeps the daemon's memory per benchmark bounded (80 KB) and
 * costs the significance tests nothing that matters at that size. {@link #originalCount()} says how
 * many there were.
 */
public final class Samples {
  public static final int MAX = 10_000;
  private static final Samples NONE = new Samples(new double[0], 0);

  private final double[] values;
  private final long originalCount;

  private Samples(double[] values, long originalCount) {
    this.values = values;
    this.originalCount = originalCount;
  }

  public static Samples none() {
    return NONE;
  }

  /** {@code values} (copied), thinned to {@link #MAX}. */
  public static Samples of(double[] values) {
    return of(values, values.length);
  }

  static Samples of(double[] values, long originalCount) {
    if (values.length == 0) {
      return NONE;
    }
    if (values.length <= MAX) {
      return new Samples(values.clone(), originalCount);
    }
    double[] kept = new double[MAX];
    for (int i = 0; i < MAX; i++) {
      kept[i] = values[(int) ((long) i * values.length / MAX)];
    }
    return new Samples(kept, originalCount);
  }

  /**
   * The values of a histogram ({@code [value, count]} bins), expanded in bin order; beyond {@link
   * #MAX} in all, every k-th value of the expanded sequence, without expanding it.
   */
  static Samples fromHistogram(List<double[]> bins, long total) {
    if (total <= 0) {
      return NONE;
    }
    int size = (int) Math.min(total, MAX);
    double[] kept = new double[size];
    int bin = 0;
    long binEnd = (long) bins.get(0)[1]; // index just past the current bin
    for (int i = 0; i < size; i++) {
      long index = total <= MAX ? i : (long) ((double) i * total / MAX);
      while (index >= binEnd) {
        bin++;
        binEnd += (long) bins.get(bin)[1];
      }
      kept[i] = bins.get(bin)[0];
    }
    return new Samples(kept, total);
  }

  /** The kept values (a copy). */
  public double[] values() {
    return values.clone();
  }

  public int size() {
    return values.length;
  }

  public boolean isEmpty() {
    return values.length == 0;
  }

  /** How many values the tool recorded, before thinning. */
  public long originalCount() {
    return originalCount;
  }

  /**
   * The q-quantile (0 ≤ q ≤ 1) by linear interpolation between the closest ranks (R's type 7,
   * NumPy's default).
   */
  public double quantile(double q) {
    if (values.length == 0) {
      return Double.NaN;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return quantileOfSorted(sorted, q);
  }

  static double quantileOfSorted(double[] sorted, double q) {
    double h = (sorted.length - 1) * q;
    int lo = (int) Math.floor(h);
    int hi = Math.min(lo + 1, sorted.length - 1);
    return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
  }

  /**
   * Mean, median, stddev (n − 1), min, max, and those percentiles the sample supports: p90 from 10
   * values, p95 from 20, p99 from 100 (fewer would only restate the maximum).
   */
  public Map<Statistic, Double> statistics() {
    Map<Statistic, Double> out = new EnumMap<>(Statistic.class);
    if (values.length == 0) {
      return out;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    double mean = WelchTTest.mean(values);
    out.put(Statistic.MEAN, mean);
    out.put(Statistic.MEDIAN, quantileOfSorted(sorted, 0.5));
    if (values.length > 1) {
      out.put(Statistic.STDDEV, Math.sqrt(Math.max(0, WelchTTest.variance(values, mean))));
    }
    out.put(Statistic.MIN, sorted[0]);
    out.put(Statistic.MAX, sorted[sorted.length - 1]);
    if (values.length >= 10) {
      out.put(Statistic.P90, quantileOfSorted(sorted, 0.90));
    }
    if (values.length >= 20) {
      out.put(Statistic.P95, quantileOfSorted(sorted, 0.95));
    }
    if (values.length >= 100) {
      out.put(Statistic.P99, quantileOfSorted(sorted, 0.99));
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Samples s
        && s.originalCount == originalCount
        && Arrays.equals(s.values, values);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(values) * 31 + Long.hashCode(originalCount);
  }

  @Override
  public String toString() {
    return "Samples[" + values.length + " of " + originalCount + "]";
  }
}
