package dev.dxexporter.collect.tests;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One test run, read from one file or from the several files it wrote (Surefire's {@code
 * target/surefire-reports/TEST-*.xml}, Gradle's {@code build/test-results/<task>/TEST-*.xml}).
 *
 * @param files how many files were read
 * @param dialects how many files each guessed dialect had
 * @param counts all cases by result; {@code counts.total()} is the number of cases
 * @param suites the suites of all files (at most {@link ReportFile#MAX_SUITES} in all)
 * @param suitesOmitted suites past that limit
 * @param wall the run's wall time and how it was obtained (see {@link TestRunAggregator})
 * @param start the run's start, null when no file gave one
 * @param caseSeconds the sum of all case times (the CPU-ish time; more than {@code wall} when cases
 *     ran in parallel)
 * @param unreadable the located errors of files that could not be read (their cases are not
 *     counted; a consumer may have seen some of them)
 * @param warnings the files' warnings, each prefixed with its file (at most {@value
 *     ReportValues#MAX_WARNINGS}); {@code warningCount} counts them all
 */
public record TestRun(
    int files,
    Map<JUnitDialect, Integer> dialects,
    TestCounts counts,
    List<SuiteTime> suites,
    int suitesOmitted,
    WallTime wall,
    Instant start,
    double caseSeconds,
    List<String> unreadable,
    List<String> warnings,
    int warningCount) {
  public TestRun {
    dialects = Map.copyOf(dialects);
    suites = List.copyOf(suites);
    unreadable = List.copyOf(unreadable);
    warnings = List.copyOf(warnings);
  }
}
