package dev.dxexporter.collect.bench;

/**
 * A regression verdict with its evidence.
 *
 * @param changeRatio the performance change ratio, sign-normalised: negative is worse (see {@link
 *     Direction#performanceChange}); NaN when it could not be computed
 * @param pValue the two-sided p-value of the test, NaN when none was computed (criterion's own
 *     verdict when its baseline samples are gone: criterion does not save its p-value)
 * @param currentCount values on the current side
 * @param baselineCount values on the baseline side
 * @param reason one line for humans: why this verdict
 */
public record RegressionResult(
    RegressionVerdict verdict,
    double changeRatio,
    double pValue,
    RegressionMethod method,
    int currentCount,
    int baselineCount,
    String reason) {

  /** No verdict: too few values, or no direction; the reason says which. */
  public static RegressionResult notEnoughData(int current, int baseline, String reason) {
    return new RegressionResult(
        RegressionVerdict.NOT_ENOUGH_DATA,
        Double.NaN,
        Double.NaN,
        RegressionMethod.NONE,
        current,
        baseline,
        reason);
  }
}
