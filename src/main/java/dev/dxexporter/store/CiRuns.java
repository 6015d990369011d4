package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of {@code ci_run}, {@code ci_run_count} and {@code ci_delivery}. */
final class CiRuns {
  private static final String COLUMNS =
      "project, repository, run_id, run_attempt, pipeline, branch, branch_class, status,"
          + " conclusion, created_at_ms, started_at_ms, updated_at_ms, html_url, order_key,"
          + " head_sha";

  private CiRuns() {}

  /** Records a delivery id; false when it was recorded before. */
  static boolean firstDelivery(Connection c, CiBatch b) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM ci_delivery WHERE delivery_id = ?")) {
      ps.setString(1, b.deliveryId());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ci_delivery (delivery_id, event, received_at_ms) VALUES (?, ?, ?)")) {
      ps.setString(1, b.deliveryId());
      ps.setString(2, b.event());
      ps.setLong(3, b.receivedAt().toEpochMilli());
      ps.executeUpdate();
    }
    return true;
  }

  /** Stores or replaces one attempt; returns 0 unchanged, 1 changed, 2 changed and now counted. */
  static int apply(Connection c, CiRun r, Instant now) throws SQLException {
    Long id = null;
    String key = null;
    boolean counted = false;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, order_key, counted FROM ci_run WHERE project = ? AND repository = ?"
                + " AND run_id = ? AND run_attempt = ?")) {
      ps.setString(1, r.project());
      ps.setString(2, r.repository());
      ps.setLong(3, r.runId());
      ps.setInt(4, r.runAttempt());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
          key = rs.getString(2);
          counted = rs.getInt(3) == 1;
        }
      }
    }
    if (key != null && r.orderKey().compareTo(key) <= 0) {
      return 0;
    }
    boolean count = r.finished() && !counted;
    String sql =
        id == null
            ? "INSERT INTO ci_run ("
                + COLUMNS
                + ", received_at_ms, counted, artifacts_done)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)"
            : "UPDATE ci_run SET project = ?, repository = ?, run_id = ?, run_attempt = ?,"
                + " pipeline = ?, branch = ?, branch_class = ?, status = ?, conclusion = ?,"
                + " created_at_ms = ?, started_at_ms = ?, updated_at_ms = ?, html_url = ?,"
                + " order_key = ?, head_sha = ?, received_at_ms = ?, counted = ? WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, r.project());
      ps.setString(2, r.repository());
      ps.setLong(3, r.runId());
      ps.setInt(4, r.runAttempt());
      ps.setString(5, r.pipeline());
      ps.setString(6, r.branch());
      ps.setString(7, r.branchClass());
      ps.setString(8, r.status());
      ps.setString(9, r.conclusion());
      millis(ps, 10, r.createdAt());
      millis(ps, 11, r.startedAt());
      millis(ps, 12, r.updatedAt());
      ps.setString(13, r.htmlUrl());
      ps.setString(14, r.orderKey());
      ps.setString(15, r.headSha());
      ps.setLong(16, now.toEpochMilli());
      ps.setInt(17, counted || count ? 1 : 0);
      if (id != null) {
        ps.setLong(18, id);
      }
      ps.executeUpdate();
    }
    if (count) {
      tally(c, r, now);
    }
    return count ? 2 : 1;
  }

  private static void tally(Connection c, CiRun r, Instant now) throws SQLException {
    String attempt = r.runAttempt() <= 1 ? "first" : "rerun";
    String result = r.conclusion() == null ? "unknown" : r.conclusion();
    String where =
        " WHERE project = ? AND pipeline = ? AND branch_class = ? AND result = ? AND attempt = ?";
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE ci_run_count SET runs = runs + 1,"
                + " last_at_ms = CASE WHEN last_at_ms > ? THEN last_at_ms ELSE ? END"
                + where)) {
      ps.setLong(1, now.toEpochMilli());
      ps.setLong(2, now.toEpochMilli());
      ps.setString(3, r.project());
      ps.setString(4, r.pipeline());
      ps.setString(5, r.branchClass());
      ps.setString(6, result);
      ps.setString(7, attempt);
      if (ps.executeUpdate() > 0) {
        return;
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ci_run_count (project, pipeline, branch_class, result, attempt, runs,"
                + " last_at_ms) VALUES (?, ?, ?, ?, ?, 1, ?)")) {
      ps.setString(1, r.project());
      ps.setString(2, r.pipeline());
      ps.setString(3, r.branchClass());
      ps.setString(4, result);
      ps.setString(5, attempt);
      ps.setLong(6, now.toEpochMilli());
      ps.executeUpdate();
    }
  }

  static List<CiRun> runs(Connection c, String project, Instant since, int limit)
      throws SQLException {
    return query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM ci_run WHERE project = ? AND COALESCE(updated_at_ms, received_at_ms) >= ?"
            + " ORDER BY COALESCE(updated_at_ms, received_at_ms) DESC, id DESC",
        limit,
        project,
        since.toEpochMilli());
  }

  static List<CiRun> repositoryRuns(Connection c, String project, String repository, int limit)
      throws SQLException {
    return query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM ci_run WHERE project = ? AND repository = ?"
            + " ORDER BY run_id DESC, run_attempt DESC",
        limit,
        project,
        repository);
  }

  static List<CiRun> awaitingArtifacts(Connection c, String project, String repository, int limit)
      throws SQLException {
    return query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM ci_run WHERE project = ? AND repository = ? AND counted = 1"
            + " AND artifacts_done = 0 ORDER BY run_id, run_attempt",
        limit,
        project,
        repository);
  }

  static Optional<String> defaultBranchSeen(Connection c, String project, String repository)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT branch FROM ci_run WHERE project = ? AND repository = ?"
                + " AND branch_class = 'default' AND branch IS NOT NULL"
                + " ORDER BY received_at_ms DESC, id DESC")) {
      ps.setString(1, project);
      ps.setString(2, repository);
      ps.setMaxRows(1);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    }
  }

  static void artifactsDone(Connection c, String project, String repository, long run, int attempt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE ci_run SET artifacts_done = 1 WHERE project = ? AND repository = ?"
                + " AND run_id = ? AND run_attempt = ?")) {
      ps.setString(1, project);
      ps.setString(2, repository);
      ps.setLong(3, run);
      ps.setInt(4, attempt);
      ps.executeUpdate();
    }
  }

  static List<CiRunCount> counts(Connection c, String project) throws SQLException {
    List<CiRunCount> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT pipeline, branch_class, result, attempt, runs, last_at_ms FROM ci_run_count"
                + " WHERE project = ? ORDER BY pipeline, branch_class, result, attempt")) {
      ps.setString(1, project);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CiRunCount(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  Instant.ofEpochMilli(rs.getLong(6))));
        }
      }
    }
    return out;
  }

  static long deleteOlderThan(Connection c, long cutoff) throws SQLException {
    long deleted = 0;
    for (String sql :
        List.of(
            "DELETE FROM ci_run WHERE received_at_ms < ?",
            "DELETE FROM ci_delivery WHERE received_at_ms < ?")) {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        ps.setLong(1, cutoff);
        deleted += ps.executeUpdate();
      }
    }
    return deleted;
  }

  static void millis(PreparedStatement ps, int index, Instant at) throws SQLException {
    if (at == null) {
      ps.setNull(index, Types.BIGINT);
    } else {
      ps.setLong(index, at.toEpochMilli());
    }
  }

  static Instant instant(ResultSet rs, int index) throws SQLException {
    long ms = rs.getLong(index);
    return rs.wasNull() ? null : Instant.ofEpochMilli(ms);
  }

  private static List<CiRun> query(Connection c, String sql, int limit, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.setMaxRows(limit);
      List<CiRun> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new CiRun(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getLong(3),
                  rs.getInt(4),
                  rs.getString(5),
                  rs.getString(6),
                  rs.getString(15),
                  rs.getString(7),
                  rs.getString(8),
                  rs.getString(9),
                  instant(rs, 10),
                  instant(rs, 11),
                  instant(rs, 12),
                  rs.getString(13),
                  rs.getString(14)));
        }
      }
      return out;
    }
  }
}
