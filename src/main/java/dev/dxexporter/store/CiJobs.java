package dev.dxexporter.store;

import static dev.dxexporter.store.CiRuns.instant;
import static dev.dxexporter.store.CiRuns.millis;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The SQL of {@code ci_job} and {@code ci_step}. */
final class CiJobs {
  private static final String COLUMNS =
      "j.id, j.project, j.repository, j.job_id, j.run_id, j.run_attempt, j.pipeline, j.job_name,"
          + " j.status, j.conclusion, j.created_at_ms, j.started_at_ms, j.completed_at_ms,"
          + " j.html_url, j.order_key";

  private CiJobs() {}

  /** Stores or replaces one job with its steps; true when it changed. */
  static boolean apply(Connection c, CiJob j, Instant now) throws SQLException {
    Long id = null;
    String key = null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id, order_key FROM ci_job WHERE project = ? AND repository = ?"
                + " AND job_id = ?")) {
      ps.setString(1, j.project());
      ps.setString(2, j.repository());
      ps.setLong(3, j.jobId());
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          id = rs.getLong(1);
          key = rs.getString(2);
        }
      }
    }
    if (key != null && j.orderKey().compareTo(key) <= 0) {
      return false;
    }
    String sql =
        id == null
            ? "INSERT INTO ci_job (project, repository, job_id, run_id, run_attempt, pipeline,"
                + " job_name, status, conclusion, created_at_ms, started_at_ms, completed_at_ms,"
                + " html_url, order_key, received_at_ms)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            : "UPDATE ci_job SET project = ?, repository = ?, job_id = ?, run_id = ?,"
                + " run_attempt = ?, pipeline = ?, job_name = ?, status = ?, conclusion = ?,"
                + " created_at_ms = ?, started_at_ms = ?, completed_at_ms = ?, html_url = ?,"
                + " order_key = ?, received_at_ms = ? WHERE id = ?";
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, j.project());
      ps.setString(2, j.repository());
      ps.setLong(3, j.jobId());
      ps.setLong(4, j.runId());
      ps.setInt(5, j.runAttempt());
      ps.setString(6, j.pipeline());
      ps.setString(7, j.name());
      ps.setString(8, j.status());
      ps.setString(9, j.conclusion());
      millis(ps, 10, j.createdAt());
      millis(ps, 11, j.startedAt());
      millis(ps, 12, j.completedAt());
      ps.setString(13, j.htmlUrl());
      ps.setString(14, j.orderKey());
      ps.setLong(15, now.toEpochMilli());
      if (id != null) {
        ps.setLong(16, id);
      }
      ps.executeUpdate();
      if (id == null) {
        try (ResultSet keys = ps.getGeneratedKeys()) {
          keys.next();
          id = keys.getLong(1);
        }
      }
    }
    replaceSteps(c, id, j.steps());
    return true;
  }

  private static void replaceSteps(Connection c, long jobRow, List<CiStep> steps)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM ci_step WHERE job_row = ?")) {
      ps.setLong(1, jobRow);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO ci_step (job_row, step_number, step_name, status, conclusion,"
                + " started_at_ms, completed_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
      Map<Integer, CiStep> byNumber = new LinkedHashMap<>();
      steps.forEach(s -> byNumber.putIfAbsent(s.number(), s));
      for (CiStep s : byNumber.values()) {
        ps.setLong(1, jobRow);
        ps.setInt(2, s.number());
        ps.setString(3, s.name() == null ? "" : s.name());
        ps.setString(4, s.status() == null ? "" : s.status());
        ps.setString(5, s.conclusion());
        millis(ps, 6, s.startedAt());
        millis(ps, 7, s.completedAt());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  static List<CiJob> completed(Connection c, String project, Instant since, int limit)
      throws SQLException {
    return query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM ci_job j WHERE j.project = ? AND j.status = 'completed'"
            + " AND j.completed_at_ms >= ? ORDER BY j.completed_at_ms DESC, j.id DESC",
        limit,
        project,
        since.toEpochMilli());
  }

  static List<CiJob> ofAttempt(Connection c, String project, String repo, long run, int attempt)
      throws SQLException {
    return query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM ci_job j WHERE j.project = ? AND j.repository = ? AND j.run_id = ?"
            + " AND j.run_attempt = ? ORDER BY j.job_id",
        0,
        project,
        repo,
        run,
        attempt);
  }

  static long deleteOlderThan(Connection c, long cutoff) throws SQLException {
    long deleted;
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM ci_step WHERE job_row IN"
                + " (SELECT id FROM ci_job WHERE received_at_ms < ?)")) {
      ps.setLong(1, cutoff);
      deleted = ps.executeUpdate();
    }
    try (PreparedStatement ps = c.prepareStatement("DELETE FROM ci_job WHERE received_at_ms < ?")) {
      ps.setLong(1, cutoff);
      deleted += ps.executeUpdate();
    }
    return deleted;
  }

  private static List<CiJob> query(Connection c, String sql, int limit, Object... params)
      throws SQLException {
    Map<Long, Object[]> rows = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      ps.setMaxRows(limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          Object[] row = {
            rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getInt(6),
            rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), instant(rs, 11),
            instant(rs, 12), instant(rs, 13), rs.getString(14), rs.getString(15)
          };
          rows.put(rs.getLong(1), row);
        }
      }
    }
    Map<Long, List<CiStep>> steps = steps(c, rows.keySet());
    List<CiJob> out = new ArrayList<>();
    rows.forEach(
        (id, r) ->
            out.add(
                new CiJob(
                    (String) r[0],
                    (String) r[1],
                    (Long) r[2],
                    (Long) r[3],
                    (Integer) r[4],
                    (String) r[5],
                    (String) r[6],
                    (String) r[7],
                    (String) r[8],
                    (Instant) r[9],
                    (Instant) r[10],
                    (Instant) r[11],
                    (String) r[12],
                    (String) r[13],
                    steps.getOrDefault(id, List.of()))));
    return out;
  }

  private static Map<Long, List<CiStep>> steps(Connection c, Iterable<Long> jobRows)
      throws SQLException {
    Map<Long, List<CiStep>> out = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT step_number, step_name, status, conclusion, started_at_ms, completed_at_ms"
                + " FROM ci_step WHERE job_row = ? ORDER BY step_number")) {
      for (long row : jobRows) {
        ps.setLong(1, row);
        List<CiStep> list = new ArrayList<>();
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            list.add(
                new CiStep(
                    rs.getInt(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    instant(rs, 5),
                    instant(rs, 6)));
          }
        }
        out.put(row, list);
      }
    }
    return out;
  }
}
