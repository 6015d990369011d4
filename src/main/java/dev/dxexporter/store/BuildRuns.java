package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The SQL of the {@code build_run} table: saving, the latest per name and kind, history, age. */
final class BuildRuns {
  private static final String HAS_NEWER =
      "EXISTS (SELECT 1 FROM build_run n WHERE n.project = b.project"
          + " AND n.build_name = b.build_name AND n.kind = b.kind"
          + " AND (n.received_at_ms > b.received_at_ms"
          + " OR (n.received_at_ms = b.received_at_ms AND n.id > b.id)))";
  private static final String COLUMNS =
      "b.build_name, b.kind, b.started_at_ms, b.duration_seconds, b.exit_code, b.exit_signal,"
          + " b.peak_rss_bytes, b.cpu_user_seconds, b.cpu_system_seconds, b.peak_processes,"
          + " b.branch, b.commit_sha, b.run_id, b.received_at_ms";

  private BuildRuns() {}

  static boolean exists(Connection c, String project, String identity) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT 1 FROM build_run WHERE project = ? AND identity = ?")) {
      ps.setString(1, project);
      ps.setString(2, identity);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static void insert(Connection c, ReportMeta m, BuildRun r) throws SQLException {
    String sql =
        "INSERT INTO build_run (project, identity, build_name, kind, branch, commit_sha, run_id,"
            + " started_at_ms, received_at_ms, duration_seconds, exit_code, exit_signal,"
            + " peak_rss_bytes, cpu_user_seconds, cpu_system_seconds, peak_processes)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, m.project());
      ps.setString(2, m.identity());
      ps.setString(3, r.name());
      ps.setString(4, r.kind());
      ps.setString(5, m.branch());
      ps.setString(6, m.commit());
      ps.setString(7, m.runId());
      ps.setLong(8, r.started().toEpochMilli());
      ps.setLong(9, m.receivedAt().toEpochMilli());
      ps.setDouble(10, r.durationSeconds());
      ps.setInt(11, r.exitCode());
      ps.setInt(12, r.signal());
      ps.setLong(13, r.peakRssBytes());
      ps.setDouble(14, r.cpuUserSeconds());
      ps.setDouble(15, r.cpuSystemSeconds());
      ps.setInt(16, r.peakProcesses());
      ps.executeUpdate();
    }
  }

  /** The latest run of each (name, kind) of the project, by name then kind. */
  static List<StoredBuild> latest(Connection c, String project) throws SQLException {
    return query(
        c,
        "SELECT "
            + COLUMNS
            + " FROM build_run b WHERE b.project = ? AND NOT "
            + HAS_NEWER
            + " ORDER BY b.build_name, b.kind",
        project,
        Integer.MAX_VALUE);
  }

  /** The project's last {@code limit} runs, oldest first. */
  static List<StoredBuild> history(Connection c, String project, int limit) throws SQLException {
    List<StoredBuild> newestFirst =
        query(
            c,
            "SELECT "
                + COLUMNS
                + " FROM build_run b WHERE b.project = ?"
                + " ORDER BY b.received_at_ms DESC, b.id DESC",
            project,
            limit);
    List<StoredBuild> out = new ArrayList<>(newestFirst);
    java.util.Collections.reverse(out);
    return out;
  }

  /** Deletes runs received before {@code cutoffMillis} but the latest of each name and kind. */
  static long deleteOlderThan(Connection c, long cutoffMillis) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM build_run WHERE id IN (SELECT b.id FROM build_run b"
                + " WHERE b.received_at_ms < ? AND "
                + HAS_NEWER
                + ")")) {
      ps.setLong(1, cutoffMillis);
      return ps.executeUpdate();
    }
  }

  private static List<StoredBuild> query(Connection c, String sql, String project, int limit)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, project);
      ps.setMaxRows(limit == Integer.MAX_VALUE ? 0 : limit);
      List<StoredBuild> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          BuildRun run =
              new BuildRun(
                  rs.getString(1),
                  rs.getString(2),
                  Instant.ofEpochMilli(rs.getLong(3)),
                  rs.getDouble(4),
                  rs.getInt(5),
                  rs.getInt(6),
                  rs.getLong(7),
                  rs.getDouble(8),
                  rs.getDouble(9),
                  rs.getInt(10));
          out.add(
              new StoredBuild(
                  run,
                  Optional.ofNullable(rs.getString(11)),
                  Optional.ofNullable(rs.getString(12)),
                  Optional.ofNullable(rs.getString(13)),
                  Instant.ofEpochMilli(rs.getLong(14))));
        }
      }
      return out;
    }
  }
}
