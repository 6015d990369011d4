package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.OptionalLong;

/** The inserts of a save, in standard SQL, all inside the caller's transaction. */
final class ReportWriter {
  /** Rows per JDBC batch: large enough to amortise the round trip, small enough to stay tiny. */
  static final int BATCH_ROWS = 2_000;

  static final String TEST = "test";
  static final String COVERAGE = "coverage";

  private ReportWriter() {}

  static OptionalLong findId(Connection c, String project, String source, String identity)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM report WHERE project = ? AND source = ? AND identity = ?")) {
      ps.setString(1, project);
      ps.setString(2, source);
      ps.setString(3, identity);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  static long insertReport(Connection c, ReportMeta m, String reportKind, Instant storedAt)
      throws SQLException {
    String sql =
        "INSERT INTO report (project, source, identity, report_kind, report_name, format, branch,"
            + " commit_sha, run_id, received_at_ms, stored_at_ms, case_rows)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, m.project());
      ps.setString(2, m.source());
      ps.setString(3, m.identity());
      ps.setString(4, reportKind);
      ps.setString(5, m.reportName());
      ps.setString(6, m.format());
      nullableString(ps, 7, m.branch());
      nullableString(ps, 8, m.commit());
      nullableString(ps, 9, m.runId());
      ps.setLong(10, m.receivedAt().toEpochMilli());
      ps.setLong(11, storedAt.toEpochMilli());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no id generated for the new report");
        }
        return keys.getLong(1);
      }
    }
  }

  /** Inserts the cases in batches, reading the iterator once; returns how many. */
  static long insertCases(Connection c, long reportId, Iterator<TestCaseOutcome> cases)
      throws SQLException {
    String sql =
        "INSERT INTO test_case (report_id, suite, class_name, test_name, result, seconds, retries)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?)";
    long rows = 0;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      int pending = 0;
      while (cases.hasNext()) {
        TestCaseOutcome t = cases.next();
        ps.setLong(1, reportId);
        ps.setString(2, t.suite());
        ps.setString(3, t.className());
        ps.setString(4, t.testName());
        ps.setString(5, t.result().code());
        ps.setDouble(6, t.seconds());
        ps.setInt(7, t.retries());
        ps.addBatch();
        rows++;
        if (++pending == BATCH_ROWS) {
          ps.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        ps.executeBatch();
      }
    }
    return rows;
  }

  static void insertTestSummary(
      Connection c, long reportId, long caseRows, TestReportSummary summary) throws SQLException {
    TestAggregates a = summary.aggregates();
    TestCounts n = a.counts();
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO test_summary (report_id, passed, failed, errored, skipped, flaky,"
                + " total_cases, wall_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, reportId);
      ps.setLong(2, n.passed());
      ps.setLong(3, n.failed());
      ps.setLong(4, n.errored());
      ps.setLong(5, n.skipped());
      ps.setLong(6, n.flaky());
      ps.setLong(7, a.totalCases());
      ps.setDouble(8, a.wallSeconds());
      ps.executeUpdate();
    }
    insertSuites(c, reportId, summary.suites());
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE report SET case_rows = ? WHERE id = ?")) {
      ps.setLong(1, caseRows);
      ps.setLong(2, reportId);
      ps.executeUpdate();
    }
  }

  private static void insertSuites(Connection c, long reportId, List<SuiteDuration> suites)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO test_suite (report_id, ordinal, name, seconds, cases)"
                + " VALUES (?, ?, ?, ?, ?)")) {
      int ordinal = 0;
      for (SuiteDuration s : suites) {
        ps.setLong(1, reportId);
        ps.setInt(2, ordinal++);
        ps.setString(3, s.name());
        ps.setDouble(4, s.seconds());
        ps.setLong(5, s.cases());
        ps.addBatch();
      }
      if (!suites.isEmpty()) {
        ps.executeBatch();
      }
    }
  }

  static void insertCoverage(Connection c, long reportId, List<CoveragePoint> points)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO coverage_point (report_id, kind, covered, total) VALUES (?, ?, ?, ?)")) {
      for (CoveragePoint p : points) {
        ps.setLong(1, reportId);
        ps.setString(2, p.kind().code());
        ps.setLong(3, p.covered());
        ps.setLong(4, p.total());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static void nullableString(PreparedStatement ps, int index, String value) throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.VARCHAR);
    } else {
      ps.setString(index, value);
    }
  }
}
