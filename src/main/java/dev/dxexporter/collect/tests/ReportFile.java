package dev.dxexporter.collect.tests;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What one JUnit XML file said, apart from its cases (those were streamed to the consumer).
 *
 * @param file the name the caller gave
 * @param dialect the writer, as guessed from the file's shape
 * @param counts the cases by result (counted from the cases, never from {@code tests=} attributes,
 *     which tools get wrong)
 * @param suites every {@code <testsuite>}, nested ones included, in document order (at most {@link
 *     #MAX_SUITES}; {@code suitesOmitted} says how many more there were)
 * @param rootSeconds the root's own total time ({@code <testsuites time>}, Node's {@code
 *     duration_ms} comment), -1 when not given or invalid
 * @param rootStart the root's {@code timestamp}, null when not given or invalid
 * @param topLevel the times of the top-level suites, for the wall time
 * @param caseSeconds the sum of the valid case times
 * @param warnings values that were not used (invalid times or timestamps), at most {@value
 *     ReportValues#MAX_WARNINGS}; {@code warningCount} counts them all
 */
public record ReportFile(
    Path file,
    JUnitDialect dialect,
    TestCounts counts,
    List<SuiteTime> suites,
    int suitesOmitted,
    double rootSeconds,
    Instant rootStart,
    TopLevelTimes topLevel,
    double caseSeconds,
    List<String> warnings,
    int warningCount) {
  /** Suites kept per file; the counts and wall time do not depend on the list. */
  public static final int MAX_SUITES = 10_000;

  public ReportFile {
    suites = List.copyOf(suites);
    warnings = List.copyOf(warnings);
  }

  /** The wall time of the run this file describes, by the rule of {@link JUnitDialect}. */
  public WallTime wallTime() {
    if (rootSeconds >= 0) {
      return new WallTime(rootSeconds, WallTime.Source.ROOT_TIME);
    }
    if (topLevel.items() > 0 && topLevel.allStarted()) {
      return new WallTime(topLevel.spanSeconds(), WallTime.Source.TIMESTAMP_SPAN);
    }
    if (topLevel.items() > 0 && dialect == JUnitDialect.GO_JUNIT_REPORT) {
      return new WallTime(topLevel.maxSeconds(), WallTime.Source.PARALLEL_MAX);
    }
    if (topLevel.items() > 0) {
      return new WallTime(topLevel.sumSeconds(), WallTime.Source.SUITE_SUM);
    }
    return counts.total() > 0
        ? new WallTime(caseSeconds, WallTime.Source.CASE_SUM)
        : new WallTime(0, WallTime.Source.NONE);
  }

  /** The start of the run this file describes: the root's timestamp, else the earliest suite's. */
  public Instant start() {
    return rootStart != null ? rootStart : topLevel.firstStart();
  }
}
