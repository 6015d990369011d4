package dev.dxexporter.store;

import java.util.Objects;

/**
 * One test case of one report. Within a report name, (suite, className, testName) identifies the
 * test across reports; a missing suite or class name is stored as the empty string. {@code retries}
 * is how many extra attempts the run made (0 when it ran once).
 */
public record TestCaseOutcome(
    String suite,
    String className,
    String testName,
    TestResult result,
    double seconds,
    int retries) {
  public TestCaseOutcome {
    suite = suite == null ? "" : suite;
    className = className == null ? "" : className;
    if (testName == null || testName.isEmpty()) {
      throw new IllegalArgumentException("test name must not be empty");
    }
    Objects.requireNonNull(result, "result");
    Seconds.check("test case seconds", seconds);
    if (retries < 0) {
      throw new IllegalArgumentException("retries must not be negative");
    }
  }
}
