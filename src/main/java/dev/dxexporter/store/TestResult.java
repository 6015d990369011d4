package dev.dxexporter.store;

import java.util.Locale;

/**
 * The outcome of one test case in one run: a partition, each case has exactly one. {@code FLAKY}
 * means it failed and then passed on a retry within the same run.
 */
public enum TestResult {
  PASSED,
  FAILED,
  ERRORED,
  SKIPPED,
  FLAKY;

  /** The value stored in the database and used as a label value: {@code passed}, … */
  public String code() {
    return name().toLowerCase(Locale.ROOT);
  }

  static TestResult fromCode(String code) {
    return valueOf(code.toUpperCase(Locale.ROOT));
  }
}
