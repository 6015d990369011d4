package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads of benchmark reports: lookup, latest per report name, base-branch history. */
final class BenchmarkQueries {
  private static final String META_COLUMNS =
      "r.id, r.project, r.source, r.identity, r.report_name, r.format, r.branch, r.commit_sha,"
          + " r.run_id, r.received_at_ms";

  /** A benchmark report of the same project and name received later than r (ties: higher id). */
  static final String HAS_NEWER =
      "EXISTS (SELECT 1 FROM benchmark_report n WHERE n.project = r.project"
          + " AND n.report_name = r.report_name"
          + " AND (n.received_at_ms > r.received_at_ms"
          + " OR (n.received_at_ms = r.received_at_ms AND n.id > r.id)))";

  private BenchmarkQueries() {}

  static Optional<ReportMeta> find(Connection c, String project, String source, String identity)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT "
                + META_COLUMNS
                + " FROM benchmark_report r WHERE r.project = ? AND r.source = ?"
                + " AND r.identity = ?")) {
      ps.setString(1, project);
      ps.setString(2, source);
      ps.setString(3, identity);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(ReportQueries.meta(rs)) : Optional.empty();
      }
    }
  }

  static List<BenchmarkReport> latest(Connection c, String project) throws SQLException {
    String sql =
        "SELECT "
            + META_COLUMNS
            + " FROM benchmark_report r WHERE r.project = ? AND NOT "
            + HAS_NEWER
            + " ORDER BY r.report_name";
    List<BenchmarkReport> out = new ArrayList<>();
    for (Map.Entry<Long, ReportMeta> e : metas(c, sql, project).entrySet()) {
      out.add(new BenchmarkReport(e.getKey(), e.getValue(), results(c, e.getKey(), true)));
    }
    return out;
  }

  /**
   * Up to {@code limit} reports of this name on {@code branch} received before {@code report} (same
   * ordering as "latest"), newest first, with samples only for the newest.
   */
  static List<BenchmarkReport> history(
      Connection c, BenchmarkReport report, String branch, int limit) throws SQLException {
    String sql =
        "SELECT "
            + META_COLUMNS
            + " FROM benchmark_report r WHERE r.project = ? AND r.report_name = ?"
            + " AND r.branch = ? AND (r.received_at_ms < ?"
            + " OR (r.received_at_ms = ? AND r.id < ?))"
            + " ORDER BY r.received_at_ms DESC, r.id DESC LIMIT ?";
    Map<Long, ReportMeta> found = new java.util.LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      long received = report.meta().receivedAt().toEpochMilli();
      ps.setString(1, report.meta().project());
      ps.setString(2, report.meta().reportName());
      ps.setString(3, branch);
      ps.setLong(4, received);
      ps.setLong(5, received);
      ps.setLong(6, report.id());
      ps.setInt(7, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getLong("id"), ReportQueries.meta(rs));
        }
      }
    }
    List<BenchmarkReport> out = new ArrayList<>();
    for (Map.Entry<Long, ReportMeta> e : found.entrySet()) {
      out.add(new BenchmarkReport(e.getKey(), e.getValue(), results(c, e.getKey(), out.isEmpty())));
    }
    return out;
  }

  private static Map<Long, ReportMeta> metas(Connection c, String sql, String project)
      throws SQLException {
    Map<Long, ReportMeta> out = new java.util.LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, project);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(rs.getLong("id"), ReportQueries.meta(rs));
        }
      }
    }
    return out;
  }

  private static List<StoredBenchmark> results(Connection c, long reportId, boolean withSamples)
      throws SQLException {
    Map<Integer, Map<String, Double>> seconds = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT ordinal, statistic, seconds FROM benchmark_statistic WHERE report_id = ?")) {
      ps.setLong(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          seconds
              .computeIfAbsent(rs.getInt(1), k -> new TreeMap<>())
              .put(rs.getString(2), rs.getDouble(3));
        }
      }
    }
    Map<Integer, double[]> samples = withSamples ? samples(c, reportId) : Map.of();
    List<StoredBenchmark> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement("SELECT * FROM benchmark_result WHERE report_id = ? ORDER BY ordinal")) {
      ps.setLong(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          int ordinal = rs.getInt("ordinal");
          String verdict = rs.getString("tool_verdict");
          out.add(
              new StoredBenchmark(
                  rs.getString("name"),
                  rs.getString("unit"),
                  rs.getString("direction"),
                  rs.getDouble("value"),
                  nullable(rs, "interval_lower"),
                  nullable(rs, "interval_upper"),
                  seconds.getOrDefault(ordinal, Map.of()),
                  nullable(rs, "throughput"),
                  rs.getString("throughput_unit"),
                  nullable(rs, "memory_bytes"),
                  rs.getLong("sample_count"),
                  samples.get(ordinal),
                  verdict == null
                      ? null
                      : new StoredBenchmark.ToolVerdict(
                          verdict,
                          rs.getDouble("tool_change_ratio"),
                          nullable(rs, "tool_p_value"),
                          nullable(rs, "change_lower"),
                          nullable(rs, "change_upper"))));
        }
      }
    }
    return out;
  }

  private static Map<Integer, double[]> samples(Connection c, long reportId) throws SQLException {
    Map<Integer, List<Double>> lists = new HashMap<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT ordinal, value FROM benchmark_sample WHERE report_id = ?"
                + " ORDER BY ordinal, seq")) {
      ps.setLong(1, reportId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          lists.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getDouble(2));
        }
      }
    }
    Map<Integer, double[]> out = new HashMap<>();
    lists.forEach((k, v) -> out.put(k, v.stream().mapToDouble(Double::doubleValue).toArray()));
    return out;
  }

  private static Double nullable(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }
}
