package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The store over any JDBC database: standard SQL here, everything product-specific in the {@link
 * Dialect}. Open one per data directory / database and share it.
 */
public final class JdbcStore implements Store {
  private static final String BENCHMARK = "benchmark";

  /** A save of at least this many cases is followed by {@link Dialect#afterLargeWrite}. */
  private static final long LARGE_WRITE_ROWS = 100_000;

  private final Connections connections;
  private final RetentionSweep retention;
  private final ReportSaves saves;
  private final CiStore ci;

  JdbcStore(Dialect dialect, StoreSettings settings, Clock clock, Connections.WriteHook hook) {
    this.connections = new Connections(dialect, settings.writerWait(), hook);
    this.retention = new RetentionSweep(connections, settings);
    this.saves = new ReportSaves(connections, clock);
    this.ci = new JdbcCiStore(connections);
  }

  /**
   * Prepares the database (creating the data directory if needed), migrates its schema and opens
   * the store. Throws {@link StoreUnavailableException} when that is not possible now.
   */
  public static JdbcStore open(Dialect dialect, StoreSettings settings) {
    return open(dialect, settings, Clock.systemUTC(), Connections.WriteHook.NONE);
  }

  static JdbcStore open(
      Dialect dialect, StoreSettings settings, Clock clock, Connections.WriteHook hook) {
    dialect.prepare();
    Migrations.migrate(dialect);
    JdbcStore store = new JdbcStore(dialect, settings, clock, hook);
    store.saves.wrote(
        store.connections.read("reading the last write time", TableCounts::lastStoredAt));
    return store;
  }

  @Override
  public Optional<ReportMeta> findReport(String project, String source, String identity) {
    return connections.read(
        "looking up a report",
        c -> {
          Optional<ReportMeta> report = ReportQueries.find(c, project, source, identity);
          return report.isPresent() ? report : BenchmarkQueries.find(c, project, source, identity);
        });
  }

  @Override
  public SaveOutcome saveTestReport(
      ReportMeta meta, Iterator<TestCaseOutcome> cases, Supplier<TestReportSummary> summary) {
    Objects.requireNonNull(cases, "cases");
    Objects.requireNonNull(summary, "summary");
    long[] rows = new long[1];
    SaveOutcome outcome =
        save(
            meta,
            ReportWriter.TEST,
            "saving test report " + meta.identity() + " of " + meta.project(),
            (c, id) -> {
              rows[0] = ReportWriter.insertCases(c, id, cases);
              TestReportSummary s = Objects.requireNonNull(summary.get(), "summary");
              ReportWriter.insertTestSummary(c, id, rows[0], s);
            });
    if (rows[0] >= LARGE_WRITE_ROWS) {
      connections.tidy(
          c -> {
            connections.dialect().afterLargeWrite(c);
            return null;
          });
    }
    return outcome;
  }

  @Override
  public SaveOutcome saveCoverageReport(ReportMeta meta, List<CoveragePoint> points) {
    if (points.isEmpty()) {
      throw new IllegalArgumentException("a coverage report needs at least one point");
    }
    if (points.stream().map(CoveragePoint::kind).distinct().count() != points.size()) {
      throw new IllegalArgumentException("a coverage report has at most one point per kind");
    }
    List<CoveragePoint> copy = List.copyOf(points);
    return save(
        meta,
        ReportWriter.COVERAGE,
        "saving coverage report " + meta.identity() + " of " + meta.project(),
        (c, id) -> ReportWriter.insertCoverage(c, id, copy));
  }

  @Override
  public SaveOutcome saveBenchmarkReport(ReportMeta meta, List<StoredBenchmark> benchmarks) {
    if (benchmarks.isEmpty()) {
      throw new IllegalArgumentException("a benchmark report needs at least one benchmark");
    }
    List<StoredBenchmark> copy = List.copyOf(benchmarks);
    return save(
        meta,
        BENCHMARK,
        "saving benchmark report " + meta.identity() + " of " + meta.project(),
        (c, id) -> BenchmarkWriter.insertResults(c, id, copy));
  }

  @Override
  public List<BenchmarkReport> latestBenchmarkReports(String project) {
    return connections.read(
        "reading the latest benchmark reports", c -> BenchmarkQueries.latest(c, project));
  }

  @Override
  public List<BenchmarkReport> benchmarkHistory(BenchmarkReport report, String branch, int limit) {
    limit(limit);
    return connections.read(
        "reading benchmark history", c -> BenchmarkQueries.history(c, report, branch, limit));
  }

  private interface Body {
    void write(Connection c, long reportId) throws SQLException;
  }

  private SaveOutcome save(ReportMeta meta, String kind, String action, Body body) {
    Objects.requireNonNull(meta, "meta");
    boolean bench = kind.equals(BENCHMARK);
    return saves.saveNew(
        action,
        c ->
            (bench
                    ? BenchmarkWriter.findId(c, meta.project(), meta.source(), meta.identity())
                    : ReportWriter.findId(c, meta.project(), meta.source(), meta.identity()))
                .isPresent(),
        (c, storedAt) ->
            body.write(
                c,
                bench
                    ? BenchmarkWriter.insertReport(c, meta, storedAt)
                    : ReportWriter.insertReport(c, meta, kind, storedAt)));
  }

  @Override
  public List<TestReport> latestTestReports(String project) {
    return connections.read(
        "reading the latest test reports", c -> ReportQueries.latestTestReports(c, project));
  }

  @Override
  public List<CoverageReport> latestCoverageReports(String project) {
    return connections.read(
        "reading the latest coverage reports",
        c -> ReportQueries.latestCoverageReports(c, project));
  }

  @Override
  public FlakyRatio flakyRatio(String project, Instant from, Instant to) {
    window(from, to);
    return connections.read(
        "computing the flaky ratio", c -> FlakyQueries.ratio(c, project, from, to));
  }

  @Override
  public List<FlakyTest> flakyTests(String project, Instant from, Instant to, int limit) {
    window(from, to);
    limit(limit);
    return connections.read(
        "listing flaky tests", c -> FlakyQueries.tests(c, project, from, to, limit));
  }

  @Override
  public List<SlowTest> slowestTests(String project, String reportName, int limit) {
    limit(limit);
    return connections.read(
        "listing the slowest tests",
        c -> ReportQueries.slowestTests(c, project, reportName, limit));
  }

  @Override
  public List<TestRunPoint> testHistory(String project, String reportName, int limit) {
    limit(limit);
    return connections.read(
        "reading test history", c -> ReportQueries.testHistory(c, project, reportName, limit));
  }

  @Override
  public List<CoverageRunPoint> coverageHistory(String project, String reportName, int limit) {
    limit(limit);
    return connections.read(
        "reading coverage history",
        c -> ReportQueries.coverageHistory(c, project, reportName, limit));
  }

  @Override
  public SaveOutcome saveBuild(ReportMeta meta, BuildRun run) {
    Objects.requireNonNull(run, "run");
    return saves.saveNew(
        "saving build " + run.name() + " of " + meta.project(),
        c -> BuildRuns.exists(c, meta.project(), meta.identity()),
        (c, storedAt) -> BuildRuns.insert(c, meta, run));
  }

  @Override
  public SaveOutcome saveBuildTimings(ReportMeta meta, BuildTimings timings) {
    Objects.requireNonNull(timings, "timings");
    return saves.saveNew(
        "saving build timings " + meta.reportName() + " of " + meta.project(),
        c -> TimingsReports.exists(c, meta),
        (c, storedAt) -> TimingsReports.insert(c, meta, timings, storedAt));
  }

  @Override
  public List<StoredTimings> latestBuildTimings(String project) {
    return connections.read(
        "reading the latest build timings", c -> TimingsReports.latest(c, project));
  }

  @Override
  public List<StoredBuild> latestBuilds(String project) {
    return connections.read("reading the latest builds", c -> BuildRuns.latest(c, project));
  }

  @Override
  public List<StoredBuild> buildHistory(String project, int limit) {
    limit(limit);
    return connections.read("reading build history", c -> BuildRuns.history(c, project, limit));
  }

  @Override
  public RetentionResult applyRetention(Instant now) {
    return retention.apply(Objects.requireNonNull(now, "now"));
  }

  @Override
  public CiStore ci() {
    return ci;
  }

  @Override
  public StoreStats stats() {
    Map<String, Long> rows;
    try {
      rows = connections.read("counting rows", TableCounts::rowCounts);
    } catch (StoreUnavailableException e) {
      rows = Map.of();
    }
    return new StoreStats(
        connections.dialect().sizeOnDiskBytes(),
        rows,
        Optional.ofNullable(saves.lastWrite()),
        connections.writeErrors(),
        connections.readErrors());
  }

  @Override
  public void close() {
    connections.close();
  }

  private static void window(Instant from, Instant to) {
    if (from.isAfter(to)) {
      throw new IllegalArgumentException("window starts after it ends: " + from + " > " + to);
    }
  }

  private static void limit(int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("limit must be at least 1");
    }
  }
}
