package dev.dxexporter.collect.bench;

/**
 * Which way a benchmark value gets better. It follows from the value's unit or the tool's mode,
 * never from the tool: a time per operation (criterion, JMH {@code avgt}/{@code sample}/{@code ss},
 * {@code ns/op}) is better lower; a rate ({@code ops/s}, {@code bytes/s}, JMH {@code thrpt}) is
 * better higher. See {@link Units#direction(String)}.
 */
public enum Direction {
  LOWER_IS_BETTER,
  HIGHER_IS_BETTER;

  /** +1 when more is better, −1 when less is better: turns a relative change into "better". */
  double sign() {
    return this == HIGHER_IS_BETTER ? 1 : -1;
  }

  /**
   * The performance change ratio: {@code (current / baseline − 1)}, negated for lower-is-better
   * values, so that negative always means worse (slower, or less throughput). 10 % more time per
   * iteration is −0.10; 10 % more operations per second is +0.10. NaN when the baseline is not
   * positive.
   */
  public double performanceChange(double current, double baseline) {
    if (!(baseline > 0) || Double.isNaN(current)) {
      return Double.NaN;
    }
    return sign() * (current / baseline - 1);
  }
}
