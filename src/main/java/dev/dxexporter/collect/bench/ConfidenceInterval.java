package dev.dxexporter.collect.bench;

/**
 * A confidence interval in the unit of the value it belongs to.
 *
 * @param level the confidence level as a fraction (0.95), NaN when the tool does not say
 */
public record ConfidenceInterval(double lower, double upper, double level) {
  public boolean contains(double value) {
    return value >= lower && value <= upper;
  }
}
