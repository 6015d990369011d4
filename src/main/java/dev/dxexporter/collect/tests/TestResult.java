package dev.dxexporter.collect.tests;

/**
 * The outcome of one test case. The results partition a report's cases: each case has exactly one,
 * so the counts of the five sum to the number of cases.
 *
 * <p>A case that failed (or errored) and then passed on a rerun within the same run is {@link
 * #FLAKY}, not passed: Surefire and nextest write such a case with {@code flakyFailure} / {@code
 * flakyError} children and no {@code failure} / {@code error}. A case that failed on every attempt
 * has a {@code failure} (or {@code error}) and {@code rerunFailure} / {@code rerunError} children:
 * it is {@link #FAILED} (or {@link #ERRORED}).
 */
public enum TestResult {
  PASSED,
  FLAKY,
  SKIPPED,
  FAILED,
  ERRORED;

  /**
   * The worse of the two, for a case that carries several result elements: errored before failed
   * before skipped before flaky before passed. This is the rule of publish-unit-test-result-action
   * (skipped + failure + error gives error, skipped + failure gives failure).
   */
  public TestResult worse(TestResult other) {
    return other.ordinal() > ordinal() ? other : this;
  }

  /** Lower-case name, as a metric label value ({@code passed}, {@code flaky}, ...). */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
