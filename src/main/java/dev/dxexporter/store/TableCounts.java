package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;

/** Row counts per table and the last store time, for {@code dx_store_*} and retention. */
final class TableCounts {
  private static final String[] TABLES = {
    "report",
    "test_summary",
    "test_suite",
    "test_case",
    "coverage_point",
    "benchmark_report",
    "benchmark_result",
    "benchmark_statistic",
    "benchmark_sample",
    "build_run",
    "timings_report",
    "timings_unit",
    "ci_run",
    "ci_job",
    "ci_step",
    "ci_delivery",
    "ci_run_count"
  };

  private TableCounts() {}

  /** Test-case rows, from the per-report counts (a COUNT(*) would walk millions of rows). */
  static long caseRows(Connection c) throws SQLException {
    return single(c, "SELECT COALESCE(SUM(case_rows), 0) FROM report").orElse(0);
  }

  static Map<String, Long> rowCounts(Connection c) throws SQLException {
    Map<String, Long> rows = new LinkedHashMap<>();
    for (String table : TABLES) {
      rows.put(
          table,
          table.equals("test_case")
              ? caseRows(c)
              : single(c, "SELECT COUNT(*) FROM " + table).orElse(0));
    }
    return rows;
  }

  static Instant lastStoredAt(Connection c) throws SQLException {
    OptionalLong ms =
        single(
            c,
            "SELECT MAX(m) FROM (SELECT MAX(stored_at_ms) AS m FROM report"
                + " UNION ALL SELECT MAX(stored_at_ms) AS m FROM benchmark_report"
                + " UNION ALL SELECT MAX(received_at_ms) AS m FROM build_run"
                + " UNION ALL SELECT MAX(stored_at_ms) AS m FROM timings_report"
                + " UNION ALL SELECT MAX(received_at_ms) AS m FROM ci_run) t");
    return ms.isPresent() ? Instant.ofEpochMilli(ms.getAsLong()) : null;
  }

  private static OptionalLong single(Connection c, String sql) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        return OptionalLong.empty();
      }
      long value = rs.getLong(1);
      return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }
  }
}
