package dev.dxexporter.collect.tests;

/**
 * How many cases had each result; {@link #total()} is their sum, so the counts partition the cases.
 */
public record TestCounts(int passed, int flaky, int skipped, int failed, int errored) {
  public static final TestCounts NONE = new TestCounts(0, 0, 0, 0, 0);

  public int total() {
    return passed + flaky + skipped + failed + errored;
  }

  public int of(TestResult result) {
    return switch (result) {
      case PASSED -> passed;
      case FLAKY -> flaky;
      case SKIPPED -> skipped;
      case FAILED -> failed;
      case ERRORED -> errored;
    };
  }

  /** These counts with one more case of {@code result}. */
  public TestCounts plus(TestResult result) {
    return new TestCounts(
        passed + (result == TestResult.PASSED ? 1 : 0),
        flaky + (result == TestResult.FLAKY ? 1 : 0),
        skipped + (result == TestResult.SKIPPED ? 1 : 0),
        failed + (result == TestResult.FAILED ? 1 : 0),
        errored + (result == TestResult.ERRORED ? 1 : 0));
  }

  public TestCounts plus(TestCounts other) {
    return new TestCounts(
        passed + other.passed,
        flaky + other.flaky,
        skipped + other.skipped,
        failed + other.failed,
        errored + other.errored);
  }
}
