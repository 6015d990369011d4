package dev.dxexporter.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One histogram series, built from observations: classic buckets (upper bounds ending in +Inf,
 * counts per bucket, not cumulative: the writers accumulate), sum and count, at most one exemplar
 * per classic bucket (the latest observed), and the same observations as a native (sparse,
 * exponential) histogram of schema {@link #NATIVE_SCHEMA}, which only the protobuf format carries.
 */
public record HistogramData(
    List<Double> upperBounds,
    List<Long> bucketCounts,
    double sum,
    long count,
    List<Exemplar> exemplars,
    int nativeSchema,
    long nativeZeroCount,
    Map<Integer, Long> nativePositiveBuckets) {

  /** Schema 3: each bucket is 2^(1/8) ≈ 1.09 times the previous, client_golang's default factor. */
  public static final int NATIVE_SCHEMA = 3;

  /** Observations at or below this (zero, or negative durations clamped) go to the zero bucket. */
  public static final double NATIVE_ZERO_THRESHOLD = 0x1p-128;

  public HistogramData {
    upperBounds = List.copyOf(upperBounds);
    bucketCounts = List.copyOf(bucketCounts);
    exemplars = List.copyOf(exemplars);
    nativePositiveBuckets =
        java.util.Collections.unmodifiableMap(new TreeMap<>(nativePositiveBuckets));
    if (upperBounds.size() != bucketCounts.size() || upperBounds.isEmpty()) {
      throw new IllegalArgumentException("one count per bucket, at least the +Inf bucket");
    }
    if (upperBounds.get(upperBounds.size() - 1) != Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException("the last bucket must be +Inf");
    }
  }

  /** A builder over these classic bucket bounds (+Inf is added). */
  public static Builder buckets(double... upperBounds) {
    return new Builder(upperBounds);
  }

  /** Accumulates observations; not thread-safe, build once. */
  public static final class Builder {
    private final double[] bounds;
    private final long[] counts;
    private final Exemplar[] exemplars;
    private final Map<Integer, Long> nativeBuckets = new TreeMap<>();
    private long zeroCount;
    private double sum;
    private long count;

    private Builder(double[] upperBounds) {
      double[] sorted =
          Arrays.stream(upperBounds).filter(Double::isFinite).sorted().distinct().toArray();
      bounds = Arrays.copyOf(sorted, sorted.length + 1);
      bounds[sorted.length] = Double.POSITIVE_INFINITY;
      counts = new long[bounds.length];
      exemplars = new Exemplar[bounds.length];
    }

    /** Counts one observation; a NaN or infinite value is refused (it would poison the sum). */
    public Builder observe(double value) {
      return observe(value, Optional.empty());
    }

    public Builder observe(double value, Optional<Exemplar> exemplar) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("observation must be finite: " + value);
      }
      int bucket = 0;
      while (value > bounds[bucket]) {
        bucket++;
      }
      counts[bucket]++;
      exemplar.ifPresent(e -> exemplars[bucketOf(e.value())] = e);
      sum += value;
      count++;
      if (value <= NATIVE_ZERO_THRESHOLD) {
        zeroCount++;
      } else {
        nativeBuckets.merge(nativeIndex(value), 1L, Long::sum);
      }
      return this;
    }

    private int bucketOf(double value) {
      int bucket = 0;
      while (value > bounds[bucket]) {
        bucket++;
      }
      return bucket;
    }

    public HistogramData build() {
      List<Double> b = new ArrayList<>();
      List<Long> c = new ArrayList<>();
      List<Exemplar> e = new ArrayList<>();
      for (int i = 0; i < bounds.length; i++) {
        b.add(bounds[i]);
        c.add(counts[i]);
        if (exemplars[i] != null) {
          e.add(exemplars[i]);
        }
      }
      return new HistogramData(b, c, sum, count, e, NATIVE_SCHEMA, zeroCount, nativeBuckets);
    }
  }

  /**
   * The native bucket of a positive value at {@link #NATIVE_SCHEMA}: bucket i holds (base^(i-1),
   * base^i] with base = 2^(2^-schema). Computed from the binary exponent and the mantissa, as
   * client_java and client_golang do, so that exact powers of two land in the right bucket.
   */
  static int nativeIndex(double value) {
    int exponent = Math.getExponent(value); // value = m * 2^exponent with m in [1, 2)
    double mantissa = value / Math.scalb(1.0, exponent); // [1, 2)
    int perOctave = 1 << NATIVE_SCHEMA;
    // The index within the octave: the smallest k with mantissa <= 2^(k/perOctave).
    int k = (int) Math.ceil(Math.log(mantissa) / Math.log(2) * perOctave);
    return exponent * perOctave + k;
  }
}
