package dev.dxexporter.store;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One benchmark of a stored benchmark report, in the store's own terms (the store knows no reader).
 *
 * @param unit the unit of {@code value}: {@code s} per iteration, {@code ops/s}, or the tool's
 * @param direction {@code lower} or {@code higher} is better; null when the unit does not say
 * @param value the primary value regressions are judged on
 * @param seconds time-per-iteration estimates by statistic label ({@code mean}, {@code p95})
 * @param sampleCount raw values the tool recorded (the samples kept may be fewer)
 * @param samples the kept raw values in the unit of {@code value}; empty when not loaded or none
 * @param toolVerdict criterion's own verdict from its {@code change/}, or null
 */
public record StoredBenchmark(
    String name,
    String unit,
    String direction,
    double value,
    Double intervalLower,
    Double intervalUpper,
    Map<String, Double> seconds,
    Double throughput,
    String throughputUnit,
    Double memoryBytes,
    long sampleCount,
    double[] samples,
    ToolVerdict toolVerdict) {

  /**
   * criterion's comparison with its baseline: verdict {@code regressed}, {@code improved} or {@code
   * unchanged}, the sign-normalised change, and its change interval (new/base − 1).
   */
  public record ToolVerdict(
      String verdict, double changeRatio, Double pValue, Double changeLower, Double changeUpper) {
    public ToolVerdict {
      if (!java.util.Set.of("regressed", "improved", "unchanged").contains(verdict)) {
        throw new IllegalArgumentException("unknown verdict " + verdict);
      }
      finite("change ratio", changeRatio);
    }
  }

  public StoredBenchmark {
    if (name == null || name.isBlank() || name.length() > ReportMeta.MAX_LABEL_LENGTH) {
      throw new IllegalArgumentException("a benchmark needs a name of at most 512 characters");
    }
    Objects.requireNonNull(unit, "unit");
    if (direction != null && !direction.equals("lower") && !direction.equals("higher")) {
      throw new IllegalArgumentException("direction must be lower, higher or null: " + direction);
    }
    finite(name, value);
    seconds = java.util.Collections.unmodifiableMap(new TreeMap<>(seconds));
    seconds.forEach(
        (k, v) -> {
          if (!(v >= 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException(name + ": " + k + " is not a duration: " + v);
          }
        });
    samples = samples == null ? new double[0] : samples.clone();
    for (double v : samples) {
      finite(name + " sample", v);
    }
    if (sampleCount < samples.length) {
      throw new IllegalArgumentException(name + ": fewer samples recorded than kept");
    }
  }

  /** The kept samples (a copy). */
  @Override
  public double[] samples() {
    return samples.clone();
  }

  /** This benchmark without its samples (what histories carry). */
  public StoredBenchmark withoutSamples() {
    return new StoredBenchmark(
        name,
        unit,
        direction,
        value,
        intervalLower,
        intervalUpper,
        seconds,
        throughput,
        throughputUnit,
        memoryBytes,
        sampleCount,
        null,
        toolVerdict);
  }

  private static void finite(String what, double v) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException(what + " is not a finite number: " + v);
    }
  }
}
