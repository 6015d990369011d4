package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** The inserts of a benchmark report save, in standard SQL, inside the caller's transaction. */
final class BenchmarkWriter {
  private BenchmarkWriter() {}

  static OptionalLong findId(Connection c, String project, String source, String identity)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT id FROM benchmark_report WHERE project = ? AND source = ? AND identity = ?")) {
      ps.setString(1, project);
      ps.setString(2, source);
      ps.setString(3, identity);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  static long insertReport(Connection c, ReportMeta m, Instant storedAt) throws SQLException {
    String sql =
        "INSERT INTO benchmark_report (project, source, identity, report_name, format, branch,"
            + " commit_sha, run_id, received_at_ms, stored_at_ms, result_rows)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)";
    try (PreparedStatement ps = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, m.project());
      ps.setString(2, m.source());
      ps.setString(3, m.identity());
      ps.setString(4, m.reportName());
      ps.setString(5, m.format());
      ReportWriter.nullableString(ps, 6, m.branch());
      ReportWriter.nullableString(ps, 7, m.commit());
      ReportWriter.nullableString(ps, 8, m.runId());
      ps.setLong(9, m.receivedAt().toEpochMilli());
      ps.setLong(10, storedAt.toEpochMilli());
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        if (!keys.next()) {
          throw new SQLException("no id generated for the new benchmark report");
        }
        return keys.getLong(1);
      }
    }
  }

  static void insertResults(Connection c, long reportId, List<StoredBenchmark> benchmarks)
      throws SQLException {
    String sql =
        "INSERT INTO benchmark_result (report_id, ordinal, name, unit, direction, value,"
            + " interval_lower, interval_upper, throughput, throughput_unit, memory_bytes,"
            + " sample_count, tool_verdict, tool_change_ratio, tool_p_value, change_lower,"
            + " change_upper) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    try (PreparedStatement ps = c.prepareStatement(sql);
        PreparedStatement stat =
            c.prepareStatement(
                "INSERT INTO benchmark_statistic (report_id, ordinal, statistic, seconds)"
                    + " VALUES (?, ?, ?, ?)");
        PreparedStatement sample =
            c.prepareStatement(
                "INSERT INTO benchmark_sample (report_id, ordinal, seq, value)"
                    + " VALUES (?, ?, ?, ?)")) {
      int pendingSamples = 0;
      for (int i = 0; i < benchmarks.size(); i++) {
        StoredBenchmark b = benchmarks.get(i);
        StoredBenchmark.ToolVerdict v = b.toolVerdict();
        ps.setLong(1, reportId);
        ps.setInt(2, i);
        ps.setString(3, b.name());
        ps.setString(4, b.unit());
        ReportWriter.nullableString(ps, 5, b.direction());
        ps.setDouble(6, b.value());
        nullableDouble(ps, 7, b.intervalLower());
        nullableDouble(ps, 8, b.intervalUpper());
        nullableDouble(ps, 9, b.throughput());
        ReportWriter.nullableString(ps, 10, b.throughputUnit());
        nullableDouble(ps, 11, b.memoryBytes());
        ps.setLong(12, b.sampleCount());
        ReportWriter.nullableString(ps, 13, v == null ? null : v.verdict());
        nullableDouble(ps, 14, v == null ? null : v.changeRatio());
        nullableDouble(ps, 15, v == null ? null : v.pValue());
        nullableDouble(ps, 16, v == null ? null : v.changeLower());
        nullableDouble(ps, 17, v == null ? null : v.changeUpper());
        ps.addBatch();
        for (Map.Entry<String, Double> s : b.seconds().entrySet()) {
          stat.setLong(1, reportId);
          stat.setInt(2, i);
          stat.setString(3, s.getKey());
          stat.setDouble(4, s.getValue());
          stat.addBatch();
        }
        double[] values = b.samples();
        for (int seq = 0; seq < values.length; seq++) {
          sample.setLong(1, reportId);
          sample.setInt(2, i);
          sample.setInt(3, seq);
          sample.setDouble(4, values[seq]);
          sample.addBatch();
          if (++pendingSamples == ReportWriter.BATCH_ROWS) {
            sample.executeBatch();
            pendingSamples = 0;
          }
        }
      }
      ps.executeBatch();
      stat.executeBatch();
      sample.executeBatch();
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE benchmark_report SET result_rows = ? WHERE id = ?")) {
      ps.setInt(1, benchmarks.size());
      ps.setLong(2, reportId);
      ps.executeUpdate();
    }
  }

  private static void nullableDouble(PreparedStatement ps, int index, Double value)
      throws SQLException {
    if (value == null) {
      ps.setNull(index, Types.DOUBLE);
    } else {
      ps.setDouble(index, value);
    }
  }
}
