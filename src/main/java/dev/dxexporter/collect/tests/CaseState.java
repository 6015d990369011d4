package dev.dxexporter.collect.tests;

import java.util.Locale;

/**
 * The one test case being read: its attributes and the result elements seen so far. Reused from
 * case to case, so a million cases allocate only their {@link TestCase} records.
 */
final class CaseState {
  String className;
  String name;
  String timeText;

  /** The worst of the {@code failure} / {@code error} / {@code skipped} children, or null. */
  TestResult elementResult;

  /** From a {@code status} or Node's {@code failure} attribute, used when no child says more. */
  TestResult attributeResult;

  String elementMessage;
  String attributeMessage;
  String flakyMessage;
  int flakyAttempts;
  int rerunAttempts;

  void reset() {
    className = "";
    name = "";
    timeText = null;
    elementResult = null;
    attributeResult = null;
    elementMessage = null;
    attributeMessage = null;
    flakyMessage = null;
    flakyAttempts = 0;
    rerunAttempts = 0;
  }

  /**
   * A {@code status} attribute: CTest, Allure and tst write {@code notrun}, {@code disabled},
   * {@code skipped}; bazel and Catch2 write {@code run}, which says nothing about the outcome.
   */
  void status(String value) {
    TestResult result =
        switch (value.strip().toLowerCase(Locale.ROOT)) {
          case "notrun", "not_run", "disabled", "skipped", "skip", "ignored", "pending", "todo" ->
              TestResult.SKIPPED;
          case "failed", "fail", "failure" -> TestResult.FAILED;
          case "errored", "error", "broken" -> TestResult.ERRORED;
          default -> null;
        };
    if (result != null) {
      attributeResult = attributeResult == null ? result : attributeResult.worse(result);
    }
  }

  /** Node's {@code failure="message"} attribute on a failed case. */
  void failureAttribute(String message) {
    attributeResult =
        attributeResult == null ? TestResult.FAILED : attributeResult.worse(TestResult.FAILED);
    attributeMessage = message;
  }

  /** A {@code failure}, {@code error} or {@code skipped} child with its message. */
  void element(TestResult result, String message) {
    if (elementResult == null || result.worse(elementResult) != elementResult) {
      elementResult = result;
      elementMessage = message;
    } else if (result == elementResult && elementMessage == null) {
      elementMessage = message;
    }
  }

  /** A {@code flakyFailure} / {@code flakyError} child: a failed attempt before a pass. */
  void flaky(String message) {
    flakyAttempts++;
    if (flakyMessage == null) {
      flakyMessage = message;
    }
  }

  /** A {@code rerunFailure} / {@code rerunError} child: a rerun that failed again. */
  void rerun() {
    rerunAttempts++;
  }

  TestResult result() {
    TestResult result = elementResult;
    if (attributeResult != null) {
      result = result == null ? attributeResult : result.worse(attributeResult);
    }
    if (result != null) {
      return result;
    }
    return flakyAttempts > 0 ? TestResult.FLAKY : TestResult.PASSED;
  }

  String message(TestResult result) {
    return switch (result) {
      case PASSED -> null;
      case FLAKY -> flakyMessage;
      default ->
          result == elementResult && elementMessage != null
              ? elementMessage
              : attributeMessage != null ? attributeMessage : elementMessage;
    };
  }

  int retries() {
    return flakyAttempts + rerunAttempts;
  }
}
