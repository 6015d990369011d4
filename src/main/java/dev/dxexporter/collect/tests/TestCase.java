package dev.dxexporter.collect.tests;

/**
 * One test case of a report, as streamed to the caller's consumer.
 *
 * @param suite the name of the nearest enclosing {@code <testsuite>}; empty for a case written
 *     directly under {@code <testsuites>} (Node's test runner)
 * @param className the {@code classname} attribute, empty when absent
 * @param name the {@code name} attribute, empty when absent
 * @param seconds the case's {@code time}; 0 when absent or invalid (the file's warnings say which)
 * @param retries how many extra attempts the file records: {@code flakyFailure}, {@code
 *     flakyError}, {@code rerunFailure} and {@code rerunError} elements
 * @param message a short message for a case that did not pass (at most {@link #MESSAGE_LIMIT}
 *     characters): the {@code message} attribute of the element that decided the result, else the
 *     start of its text; null for a passed case or when the file gives none
 */
public record TestCase(
    String suite,
    String className,
    String name,
    TestResult result,
    double seconds,
    int retries,
    String message) {
  /** Messages are cut to this many characters. */
  public static final int MESSAGE_LIMIT = 300;
}
