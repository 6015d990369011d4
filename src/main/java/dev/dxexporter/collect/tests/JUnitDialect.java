package dev.dxexporter.collect.tests;

/**
 * The tool that most likely wrote a file, guessed from its shape (root attributes, properties,
 * attribute sets). The guess documents the file and names the rule its wall time follows; counts
 * never depend on it. The wall time of a run is read by one rule for every dialect, in this order
 * (see {@link WallTime.Source}): the root's own total ({@code <testsuites time>}, or Node's {@code
 * <!-- duration_ms N -->}), else the span of the top-level suites' {@code timestamp} + {@code time}
 * when every one has both, else their sum (max for Go packages, which run in parallel), else the
 * sum of the case times.
 *
 * <table>
 * <caption>Where each dialect gives the wall time of its run</caption>
 * <tr><th>dialect</th><th>what the tool writes</th><th>wall time</th></tr>
 * <tr><td>{@link #NEXTEST}</td><td>{@code <testsuites time timestamp>}: the run's total and start;
 *     suites (binaries) have no time, cases run in parallel</td><td>root {@code time}</td></tr>
 * <tr><td>{@link #JEST_JUNIT}</td><td>{@code <testsuites time>}: now − the run's start ("since
 *     tests are typically executed in parallel this time can be significantly smaller than the sum
 *     of the individual test suites", its source; its earliest versions summed the suites);
 *     suites (files) run in parallel workers, each with a start {@code timestamp}</td><td>root
 *     {@code time}</td></tr>
 * <tr><td>{@link #PYTEST}</td><td>one {@code <testsuite time timestamp>}: the session's duration
 *     and start</td><td>that suite's span</td></tr>
 * <tr><td>{@link #SUREFIRE}</td><td>one file per class, {@code <testsuite time>} without start;
 *     parallel forks overlap</td><td>sum of the files' suite times (an upper bound with {@code
 *     forkCount > 1})</td></tr>
 * <tr><td>{@link #GRADLE}</td><td>one file per class, {@code <testsuite timestamp time>} (start,
 *     duration); parallel forks overlap</td><td>max(start + time) − min(start) over the
 *     files</td></tr>
 * <tr><td>{@link #GO_JUNIT_REPORT}</td><td>one suite per package with the package's time; packages
 *     run in parallel ({@code go test -p}); its timestamps are all the report's time, or real
 *     per-package starts from {@code go test -json}</td><td>timestamp span = the longest package
 *     (a lower bound) when timestamps are equal; max of the package times without them</td></tr>
 * <tr><td>{@link #GOTESTSUM}</td><td>{@code <testsuites time>}: the elapsed time of the whole {@code
 *     go test}; suite timestamps are Go's zero time</td><td>root {@code time}</td></tr>
 * <tr><td>{@link #NODE}</td><td>{@code <!-- duration_ms N -->} comment under the root: the run's
 *     duration; suites and cases without start</td><td>that comment, else sum</td></tr>
 * <tr><td>{@link #MOCHA}</td><td>{@code <testsuite time timestamp>} (xunit reporter, RFC 1123
 *     timestamp) or {@code <testsuites time>} (mocha-junit-reporter)</td><td>root time, else the
 *     suite's span</td></tr>
 * <tr><td>{@link #BAZEL}</td><td>one {@code test.xml} per target, {@code <testsuite>} with a time
 *     per case; targets run in parallel</td><td>sum (an upper bound)</td></tr>
 * <tr><td>{@link #PHPUNIT}, {@link #CATCH2}, {@link #GENERIC}</td><td>nested or flat suites with
 *     {@code time}, sometimes {@code timestamp}</td><td>the general rule above</td></tr>
 * </table>
 */
public enum JUnitDialect {
  /** Maven Surefire / Failsafe: {@code version} attribute or its XSD, retry elements. */
  SUREFIRE,
  /** Gradle's JUnit XML: {@code timestamp} and {@code hostname} on each per-class suite. */
  GRADLE,
  /** cargo-nextest (quick-junit): {@code uuid} on the root or the default name "nextest-run". */
  NEXTEST,
  /** pytest: a suite named "pytest" (the default {@code junit_suite_name}). */
  PYTEST,
  /** jest-junit: the root named "jest tests" (its default {@code suiteName}). */
  JEST_JUNIT,
  /** mocha's xunit reporter or mocha-junit-reporter: "Mocha Tests". */
  MOCHA,
  /** go-junit-report v2: a {@code go.version} property and an {@code id} on each package suite. */
  GO_JUNIT_REPORT,
  /** gotestsum: a {@code go.version} property without suite ids. */
  GOTESTSUM,
  /** Node's test runner ({@code --test-reporter=junit}): summary comments, cases under the root. */
  NODE,
  /** Bazel's {@code test.xml}: cases with {@code status="run"} and a {@code duration}. */
  BAZEL,
  /** PHPUnit: {@code assertions} and {@code file} on suites and cases. */
  PHPUNIT,
  /** Catch2's JUnit reporter: {@code hostname="tbd"}. */
  CATCH2,
  /** Anything else in the JUnit family (Ant, scalatest, xunit, CTest, Jenkins' own, ...). */
  GENERIC
}
