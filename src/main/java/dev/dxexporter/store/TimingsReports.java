package dev.dxexporter.store;

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

/** The SQL of {@code timings_report} and {@code timings_unit}: save, latest per name, retention. */
final class TimingsReports {
  static final String HAS_NEWER =
      "EXISTS (SELECT 1 FROM timings_report n WHERE n.project = r.project"
          + " AND n.report_name = r.report_name"
          + " AND (n.received_at_ms > r.received_at_ms"
          + " OR (n.received_at_ms = r.received_at_ms AND n.id > r.id)))";

  private TimingsReports() {}

  static boolean exists(Connection c, ReportMeta m) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM timings_report WHERE project = ? AND source = ? AND identity = ?")) {
      ps.setString(1, m.project());
      ps.setString(2, m.source());
      ps.setString(3, m.identity());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next();
      }
    }
  }

  static void insert(Connection c, ReportMeta m, BuildTimings t, Instant storedAt)
      throws SQLException {
    long id;
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO timings_report (project, source, identity, report_name, branch,"
                + " commit_sha, run_id, received_at_ms, stored_at_ms, total_seconds, dirty_units,"
                + " unit_rows) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, m.project());
      ps.setString(2, m.source());
      ps.setString(3, m.identity());
      ps.setString(4, m.reportName());
      ps.setString(5, m.branch());
      ps.setString(6, m.commit());
      ps.setString(7, m.runId());
      ps.setLong(8, m.receivedAt().toEpochMilli());
      ps.setLong(9, storedAt.toEpochMilli());
      ps.setDouble(10, t.totalSeconds());
      ps.setLong(11, t.dirtyUnits());
      ps.setInt(12, t.units().size());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        id = keys.getLong(1);
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO timings_unit (report_id, ordinal, unit_label, duration_seconds)"
                + " VALUES (?, ?, ?, ?)")) {
      int ordinal = 0;
      for (BuildTimings.UnitTime u : t.units()) {
        ps.setLong(1, id);
        ps.setInt(2, ordinal++);
        ps.setString(3, u.label());
        ps.setDouble(4, u.seconds());
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /** The latest report of each name of the project, by name. */
  static List<StoredTimings> latest(Connection c, String project) throws SQLException {
    Map<Long, ReportMeta> metas = new LinkedHashMap<>();
    Map<Long, double[]> figures = new LinkedHashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT r.id, r.project, r.source, r.identity, r.report_name, r.branch, r.commit_sha,"
                + " r.run_id, r.received_at_ms, r.total_seconds, r.dirty_units"
                + " FROM timings_report r WHERE r.project = ? AND NOT "
                + HAS_NEWER
                + " ORDER BY r.report_name")) {
      ps.setString(1, project);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long id = rs.getLong(1);
          metas.put(
              id,
              new ReportMeta(
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5),
                  "cargo-timings",
                  rs.getString(6),
                  rs.getString(7),
                  rs.getString(8),
                  Instant.ofEpochMilli(rs.getLong(9))));
          figures.put(id, new double[] {rs.getDouble(10), rs.getLong(11)});
        }
      }
    }
    List<StoredTimings> out = new ArrayList<>();
    for (Map.Entry<Long, ReportMeta> e : metas.entrySet()) {
      double[] f = figures.get(e.getKey());
      out.add(
          new StoredTimings(
              e.getValue(), new BuildTimings(f[0], (long) f[1], units(c, e.getKey()))));
    }
    return out;
  }

  private static List<BuildTimings.UnitTime> units(Connection c, long id) throws SQLException {
    List<BuildTimings.UnitTime> units = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT unit_label, duration_seconds FROM timings_unit WHERE report_id = ?"
                + " ORDER BY ordinal")) {
      ps.setLong(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          units.add(new BuildTimings.UnitTime(rs.getString(1), rs.getDouble(2)));
        }
      }
    }
    return units;
  }

  /** Deletes reports received before the cutoff but the latest of each name; returns reports. */
  static long deleteOlderThan(Connection c, long cutoffMillis) throws SQLException {
    String victims =
        "SELECT r.id FROM timings_report r WHERE r.received_at_ms < ? AND " + HAS_NEWER;
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM timings_unit WHERE report_id IN (" + victims + ")")) {
      ps.setLong(1, cutoffMillis);
      ps.executeUpdate();
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM timings_report WHERE id IN (" + victims + ")")) {
      ps.setLong(1, cutoffMillis);
      return ps.executeUpdate();
    }
  }
}
