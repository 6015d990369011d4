package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Flaky detection over a window, in one SQL statement each. A "flaky event" of a case (report name,
 * suite, class name, test name) is either one report in which its result was flaky, or one commit
 * on which it both failed (failed or errored) and passed across the window's reports.
 */
final class FlakyQueries {
  private static final String CASE_KEY = "report_name, suite, class_name, test_name";

  /** Parameters: project, from (ms), to (ms), both ends included. */
  private static final String WINDOW_CASES =
      "WITH win AS ("
          + " SELECT id, report_name, commit_sha, received_at_ms FROM report"
          + " WHERE project = ? AND report_kind = 'test'"
          + " AND received_at_ms >= ? AND received_at_ms <= ?),"
          + " c AS ("
          + " SELECT w.report_name, t.suite, t.class_name, t.test_name, t.result, w.commit_sha,"
          + " w.received_at_ms FROM win w JOIN test_case t ON t.report_id = w.id)";

  private static final String FAILED =
      "CASE WHEN result IN ('failed', 'errored') THEN 1 ELSE 0 END";
  private static final String PASSED = "CASE WHEN result = 'passed' THEN 1 ELSE 0 END";

  private static final String EVENTS =
      WINDOW_CASES
          + ", events AS ("
          + " SELECT "
          + CASE_KEY
          + ", received_at_ms AS at_ms, commit_sha FROM c WHERE result = 'flaky'"
          + " UNION ALL"
          + " SELECT "
          + CASE_KEY
          + ", MAX(received_at_ms) AS at_ms, commit_sha FROM c WHERE commit_sha IS NOT NULL"
          + " GROUP BY "
          + CASE_KEY
          + ", commit_sha"
          + " HAVING MAX("
          + FAILED
          + ") = 1 AND MAX("
          + PASSED
          + ") = 1)";

  /**
   * The ratio in one pass over the window's cases: per case and commit whether it was flaky in a
   * run, failed, passed; then per case whether any commit shows either kind (NULL commits group
   * together, so they count only for kind a).
   */
  private static final String RATIO =
      WINDOW_CASES
          + ", per_commit AS (SELECT "
          + CASE_KEY
          + ", commit_sha, MAX(CASE WHEN result = 'flaky' THEN 1 ELSE 0 END) AS in_run,"
          + " MAX("
          + FAILED
          + ") AS failed, MAX("
          + PASSED
          + ") AS passed FROM c GROUP BY "
          + CASE_KEY
          + ", commit_sha),"
          + " per_case AS (SELECT MAX(CASE WHEN in_run = 1 OR (commit_sha IS NOT NULL"
          + " AND failed = 1 AND passed = 1) THEN 1 ELSE 0 END) AS flaky FROM per_commit"
          + " GROUP BY "
          + CASE_KEY
          + ")"
          + " SELECT COALESCE(SUM(flaky), 0), COUNT(*), (SELECT COUNT(*) FROM win) FROM per_case";

  private FlakyQueries() {}

  static FlakyRatio ratio(Connection c, String project, Instant from, Instant to)
      throws SQLException {
    String sql = RATIO;
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      window(ps, project, from, to);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return new FlakyRatio(rs.getLong(1), rs.getLong(2), rs.getLong(3));
      }
    }
  }

  static List<FlakyTest> tests(Connection c, String project, Instant from, Instant to, int limit)
      throws SQLException {
    String partition = "PARTITION BY " + CASE_KEY;
    String sql =
        EVENTS
            + ", ranked AS (SELECT "
            + CASE_KEY
            + ", at_ms, commit_sha, COUNT(*) OVER ("
            + partition
            + ") AS times, ROW_NUMBER() OVER ("
            + partition
            + " ORDER BY at_ms DESC, commit_sha DESC) AS rn FROM events)"
            + " SELECT "
            + CASE_KEY
            + ", times, at_ms, commit_sha FROM ranked WHERE rn = 1"
            + " ORDER BY times DESC, at_ms DESC, "
            + CASE_KEY
            + " LIMIT ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      window(ps, project, from, to);
      ps.setInt(4, limit);
      List<FlakyTest> tests = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          tests.add(
              new FlakyTest(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  Instant.ofEpochMilli(rs.getLong(6)),
                  rs.getString(7)));
        }
      }
      return tests;
    }
  }

  private static void window(PreparedStatement ps, String project, Instant from, Instant to)
      throws SQLException {
    ps.setString(1, project);
    ps.setLong(2, from.toEpochMilli());
    ps.setLong(3, to.toEpochMilli());
  }
}
