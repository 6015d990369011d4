package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/** Reads of whole reports: lookup, latest per report name, slowest cases, histories. */
final class ReportQueries {
  static final String META_COLUMNS =
      "r.id, r.project, r.source, r.identity, r.report_name, r.format, r.branch, r.commit_sha,"
          + " r.run_id, r.received_at_ms";

  /**
   * A report of the same project, kind and name is later than r (later received time; ties go to
   * the higher id, i.e. the one saved last). Reports without one are the latest, which the
   * retention sweep never deletes.
   */
  static final String HAS_NEWER =
      "EXISTS (SELECT 1 FROM report n WHERE n.project = r.project"
          + " AND n.report_kind = r.report_kind AND n.report_name = r.report_name"
          + " AND (n.received_at_ms > r.received_at_ms"
          + " OR (n.received_at_ms = r.received_at_ms AND n.id > r.id)))";

  static final String IS_LATEST = "NOT " + HAS_NEWER;

  private ReportQueries() {}

  static Optional<ReportMeta> find(Connection c, String project, String source, String identity)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + META_COLUMNS
                + " FROM report r WHERE r.project = ? AND r.source = ? AND r.identity = ?")) {
      ps.setString(1, project);
      ps.setString(2, source);
      ps.setString(3, identity);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(meta(rs)) : Optional.empty();
      }
    }
  }

  static List<TestReport> latestTestReports(Connection c, String project) throws SQLException {
    String sql =
        "SELECT "
            + META_COLUMNS
            + ", s.passed, s.failed, s.errored, s.skipped, s.flaky, s.total_cases, s.wall_seconds"
            + " FROM report r JOIN test_summary s ON s.report_id = r.id"
            + " WHERE r.project = ? AND r.report_kind = 'test' AND "
            + IS_LATEST
            + " ORDER BY r.report_name";
    Map<Long, ReportMeta> metas = new LinkedHashMap<>();
    Map<Long, TestAggregates> aggregates = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, project);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong("id");
          metas.put(id, meta(rs));
          TestCounts counts =
              new TestCounts(
                  rs.getLong("passed"),
                  rs.getLong("failed"),
                  rs.getLong("errored"),
                  rs.getLong("skipped"),
                  rs.getLong("flaky"));
          aggregates.put(
              id,
              new TestAggregates(counts, rs.getLong("total_cases"), rs.getDouble("wall_seconds")));
        }
      }
    }
    List<TestReport> reports = new ArrayList<>();
    for (Map.Entry<Long, ReportMeta> e : metas.entrySet()) {
      reports.add(new TestReport(e.getValue(), aggregates.get(e.getKey()), suites(c, e.getKey())));
    }
    return reports;
  }

  private static List<SuiteDuration> suites(Connection c, long reportId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT name, seconds, cases FROM test_suite WHERE report_id = ? ORDER BY ordinal")) {
      ps.setLong(1, reportId);
      List<SuiteDuration> suites = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          suites.add(new SuiteDuration(rs.getString(1), rs.getDouble(2), rs.getLong(3)));
        }
      }
      return suites;
    }
  }

  static List<CoverageReport> latestCoverageReports(Connection c, String project)
      throws SQLException {
    String sql =
        "SELECT "
            + META_COLUMNS
            + " FROM report r WHERE r.project = ? AND r.report_kind = 'coverage' AND "
            + IS_LATEST
            + " ORDER BY r.report_name";
    Map<Long, ReportMeta> metas = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, project);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          metas.put(rs.getLong("id"), meta(rs));
        }
      }
    }
    List<CoverageReport> reports = new ArrayList<>();
    for (Map.Entry<Long, ReportMeta> e : metas.entrySet()) {
      reports.add(new CoverageReport(e.getValue(), points(c, e.getKey())));
    }
    return reports;
  }

  private static List<CoveragePoint> points(Connection c, long reportId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT kind, covered, total FROM coverage_point WHERE report_id = ? ORDER BY kind")) {
      ps.setLong(1, reportId);
      List<CoveragePoint> points = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          points.add(point(rs));
        }
      }
      return points;
    }
  }

  static List<SlowTest> slowestTests(Connection c, String project, String reportName, int limit)
      throws SQLException {
    OptionalLong latest = latestId(c, project, ReportWriter.TEST, reportName);
    if (latest.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT suite, class_name, test_name, seconds FROM test_case WHERE report_id = ?"
                + " ORDER BY seconds DESC, suite, class_name, test_name LIMIT ?")) {
      ps.setLong(1, latest.getAsLong());
      ps.setInt(2, limit);
      List<SlowTest> slowest = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          slowest.add(
              new SlowTest(rs.getString(1), rs.getString(2), rs.getString(3), rs.getDouble(4)));
        }
      }
      return slowest;
    }
  }

  private static OptionalLong latestId(Connection c, String project, String kind, String name)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM report WHERE project = ? AND report_kind = ? AND report_name = ?"
                + " ORDER BY received_at_ms DESC, id DESC LIMIT 1")) {
      ps.setString(1, project);
      ps.setString(2, kind);
      ps.setString(3, name);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  static List<TestRunPoint> testHistory(Connection c, String project, String name, int limit)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.received_at_ms, s.wall_seconds, s.passed, s.failed"
                + " FROM report r JOIN test_summary s ON s.report_id = r.id"
                + " WHERE r.project = ? AND r.report_kind = 'test' AND r.report_name = ?"
                + " ORDER BY r.received_at_ms DESC, r.id DESC LIMIT ?")) {
      ps.setString(1, project);
      ps.setString(2, name);
      ps.setInt(3, limit);
      List<TestRunPoint> points = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          points.add(
              new TestRunPoint(
                  Instant.ofEpochMilli(rs.getLong(1)),
                  rs.getDouble(2),
                  rs.getLong(3),
                  rs.getLong(4)));
        }
      }
      Collections.reverse(points);
      return points;
    }
  }

  static List<CoverageRunPoint> coverageHistory(
      Connection c, String project, String name, int limit) throws SQLException {
    String sql =
        "SELECT r.id, r.received_at_ms, p.kind, p.covered, p.total FROM"
            + " (SELECT id, received_at_ms FROM report"
            + " WHERE project = ? AND report_kind = 'coverage' AND report_name = ?"
            + " ORDER BY received_at_ms DESC, id DESC LIMIT ?) r"
            + " JOIN coverage_point p ON p.report_id = r.id"
            + " ORDER BY r.received_at_ms, r.id, p.kind";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, project);
      ps.setString(2, name);
      ps.setInt(3, limit);
      List<CoverageRunPoint> history = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        long current = Long.MIN_VALUE;
        Instant at = null;
        List<CoveragePoint> points = new ArrayList<>();
        while (rs.next()) {
          long id = rs.getLong(1);
          if (id != current && at != null) {
            history.add(new CoverageRunPoint(at, points));
            points = new ArrayList<>();
          }
          current = id;
          at = Instant.ofEpochMilli(rs.getLong(2));
          points.add(
              new CoveragePoint(
                  CoverageKind.fromCode(rs.getString(3)), rs.getLong(4), rs.getLong(5)));
        }
        if (at != null) {
          history.add(new CoverageRunPoint(at, points));
        }
      }
      return history;
    }
  }

  private static CoveragePoint point(ResultSet rs) throws SQLException {
    return new CoveragePoint(
        CoverageKind.fromCode(rs.getString("kind")), rs.getLong("covered"), rs.getLong("total"));
  }

  static ReportMeta meta(ResultSet rs) throws SQLException {
    return new ReportMeta(
        rs.getString("project"),
        rs.getString("source"),
        rs.getString("identity"),
        rs.getString("report_name"),
        rs.getString("format"),
        rs.getString("branch"),
        rs.getString("commit_sha"),
        rs.getString("run_id"),
        Instant.ofEpochMilli(rs.getLong("received_at_ms")));
  }
}
