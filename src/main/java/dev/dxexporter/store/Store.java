package dev.dxexporter.store;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The durable store of ingested CI results (test reports, coverage). Thread-safe: any number of
 * threads may save and query at once; writes are serialised, reads do not wait for them.
 *
 * <p>A save is one transaction: when it returns, the report is durable (it survives {@code kill
 * -9}); when it throws, nothing of it is stored. Every method throws {@link
 * StoreUnavailableException} when the database cannot be used right now, and {@link
 * IllegalArgumentException} for arguments no report could have.
 *
 * <p>Windows ({@code from}, {@code to}) include both ends and are matched against the reports'
 * received times. "Latest" means the latest received time (ties: the one saved last).
 */
public interface Store extends AutoCloseable {

  /** The stored report of this project and source with this identity, if any. */
  Optional<ReportMeta> findReport(String project, String source, String identity);

  /**
   * Saves a test report with all its cases, streamed: {@code cases} is read once, in batches, and
   * never held; {@code summary} is asked for after the last case (so a one-pass parser can count as
   * it goes). On a duplicate identity neither is touched. An exception thrown by {@code cases} or
   * {@code summary} rolls the save back and is rethrown as it is.
   */
  SaveOutcome saveTestReport(
      ReportMeta meta, Iterator<TestCaseOutcome> cases, Supplier<TestReportSummary> summary);

  /** {@link #saveTestReport(ReportMeta, Iterator, Supplier)} with known figures. */
  default SaveOutcome saveTestReport(
      ReportMeta meta,
      TestAggregates aggregates,
      List<SuiteDuration> suites,
      Iterator<TestCaseOutcome> cases) {
    TestReportSummary summary = new TestReportSummary(aggregates, suites);
    return saveTestReport(meta, cases, () -> summary);
  }

  /** Saves a coverage report (at most one point per kind). */
  SaveOutcome saveCoverageReport(ReportMeta meta, List<CoveragePoint> points);

  /**
   * Saves a benchmark report with its benchmarks (estimates, samples, criterion's own verdict), in
   * their order; at least one.
   */
  SaveOutcome saveBenchmarkReport(ReportMeta meta, List<StoredBenchmark> benchmarks);

  /** The latest benchmark report of each report name of the project, with samples. */
  List<BenchmarkReport> latestBenchmarkReports(String project);

  /**
   * Up to {@code limit} benchmark reports of {@code report}'s project and name on {@code branch}
   * received before it, newest first; only the newest carries samples.
   */
  List<BenchmarkReport> benchmarkHistory(BenchmarkReport report, String branch, int limit);

  /** The latest test report of each report name of the project, ordered by report name. */
  List<TestReport> latestTestReports(String project);

  /** The latest coverage report of each report name of the project, ordered by report name. */
  List<CoverageReport> latestCoverageReports(String project);

  /**
   * Flaky test cases of the project over the window. A case (report name, suite, class name, test
   * name) is flaky when it had result flaky in a report of the window, or when it both failed
   * (failed or errored) and passed on the same commit across the window's reports.
   */
  FlakyRatio flakyRatio(String project, Instant from, Instant to);

  /** The flaky cases of the window (as in {@link #flakyRatio}), most often flaky first. */
  List<FlakyTest> flakyTests(String project, Instant from, Instant to, int limit);

  /** The slowest cases of the latest test report of this name, slowest first. */
  List<SlowTest> slowestTests(String project, String reportName, int limit);

  /** The last {@code limit} test reports of this name, oldest first. */
  List<TestRunPoint> testHistory(String project, String reportName, int limit);

  /** The last {@code limit} coverage reports of this name, oldest first. */
  List<CoverageRunPoint> coverageHistory(String project, String reportName, int limit);

  /**
   * Saves one recorded build run; {@code meta}'s report name is the build's name. Identity as for
   * reports: the same (project, identity) again is a duplicate.
   */
  SaveOutcome saveBuild(ReportMeta meta, BuildRun run);

  /**
   * Saves the figures of a cargo {@code --timings} report that has no file on disk (one from a CI
   * artifact): the same (project, source, identity) again is a duplicate.
   */
  SaveOutcome saveBuildTimings(ReportMeta meta, BuildTimings timings);

  /** The latest stored timings report of each name of the project, by name. */
  List<StoredTimings> latestBuildTimings(String project);

  /** The latest run of each (build name, kind) of the project, by name then kind. */
  List<StoredBuild> latestBuilds(String project);

  /** The project's last {@code limit} build runs, oldest first. */
  List<StoredBuild> buildHistory(String project, int limit);

  /**
   * Deletes reports received before {@code now - retention}, then the oldest reports while more
   * test-case rows are stored than the bound, each with its cases, suites and points; benchmark
   * reports past the retention likewise, with their results, statistics and samples; and build runs
   * and CI runs, jobs and delivery ids past the retention. The latest report of each (project,
   * source, report name) and the latest build of each (name, kind) are never deleted.
   */
  RetentionResult applyRetention(Instant now);

  /** GitHub Actions runs, jobs, deliveries and the run tally. */
  CiStore ci();

  /** Size, rows, last write and error counts; never throws. */
  StoreStats stats();

  /** Closes the connections; later calls fail. */
  @Override
  void close();
}
