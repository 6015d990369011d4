package dev.dxexporter.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Deletes old reports: first those past the retention, then the oldest while the test-case rows
 * exceed the bound. The candidates are read in one snapshot, then deleted in short write
 * transactions (a few hundred reports or ~100,000 case rows each) so ingestion is never held up for
 * long; every delete re-checks that its report is still not the latest of its name.
 */
final class RetentionSweep {
  private static final long CASE_ROWS_PER_TRANSACTION = 100_000;
  private static final int REPORTS_PER_TRANSACTION = 500;
  private static final String[] CHILD_TABLES = {
    "test_case", "test_suite", "test_summary", "coverage_point"
  };

  private static final int BENCHMARK_REPORTS_PER_TRANSACTION = 50;
  private static final String[] BENCHMARK_CHILD_TABLES = {
    "benchmark_sample", "benchmark_statistic", "benchmark_result"
  };

  private record Victim(long id, long caseRows) {}

  private final Connections connections;
  private final StoreSettings settings;

  RetentionSweep(Connections connections, StoreSettings settings) {
    this.connections = connections;
    this.settings = settings;
  }

  synchronized RetentionResult apply(Instant now) {
    long cutoff = now.minus(settings.retention()).toEpochMilli();
    List<Victim> expired =
        connections.read(
            "reading reports past retention", c -> victims(c, " AND r.received_at_ms < ?", cutoff));
    long[] deleted = delete(expired);
    deleted[0] += deleteBenchmarkReports(cutoff);
    deleted[0] +=
        connections.write("deleting old build runs", c -> BuildRuns.deleteOlderThan(c, cutoff));
    deleted[0] +=
        connections.write(
            "deleting old build timings", c -> TimingsReports.deleteOlderThan(c, cutoff));
    deleted[0] +=
        connections.write(
            "deleting old CI runs",
            c -> CiJobs.deleteOlderThan(c, cutoff) + CiRuns.deleteOlderThan(c, cutoff));
    long total = connections.read("counting test-case rows", c -> TableCounts.caseRows(c));
    if (total > settings.maxCaseRows()) {
      List<Victim> oldest =
          connections.read("reading the oldest reports", c -> victims(c, "", Long.MIN_VALUE));
      List<Victim> chosen = new ArrayList<>();
      long excess = total - settings.maxCaseRows();
      for (Victim v : oldest) {
        if (excess <= 0) {
          break;
        }
        if (v.caseRows() > 0) {
          chosen.add(v);
          excess -= v.caseRows();
        }
      }
      long[] more = delete(chosen);
      deleted[0] += more[0];
      deleted[1] += more[1];
    }
    return new RetentionResult(deleted[0], deleted[1]);
  }

  private static List<Victim> victims(Connection c, String condition, long cutoff)
      throws SQLException {
    String sql =
        "SELECT r.id, r.case_rows FROM report r WHERE "
            + ReportQueries.HAS_NEWER
            + condition
            + " ORDER BY r.received_at_ms, r.id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      if (!condition.isEmpty()) {
        ps.setLong(1, cutoff);
      }
      List<Victim> victims = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          victims.add(new Victim(rs.getLong(1), rs.getLong(2)));
        }
      }
      return victims;
    }
  }

  /** Returns {reports deleted, case rows deleted}. */
  private long[] delete(List<Victim> victims) {
    long[] deleted = new long[2];
    int start = 0;
    while (start < victims.size()) {
      int end = start;
      long rows = 0;
      while (end < victims.size()
          && end - start < REPORTS_PER_TRANSACTION
          && (end == start || rows + victims.get(end).caseRows() <= CASE_ROWS_PER_TRANSACTION)) {
        rows += victims.get(end).caseRows();
        end++;
      }
      List<Victim> chunk = victims.subList(start, end);
      long[] done = connections.write("deleting old reports", c -> deleteChunk(c, chunk));
      deleted[0] += done[0];
      deleted[1] += done[1];
      start = end;
    }
    return deleted;
  }

  private static long[] deleteChunk(Connection c, List<Victim> chunk) throws SQLException {
    long[] done = new long[2];
    try (PreparedStatement check =
        c.prepareStatement(
            "SELECT r.case_rows FROM report r WHERE r.id = ? AND " + ReportQueries.HAS_NEWER)) {
      for (Victim v : chunk) {
        check.setLong(1, v.id());
        long caseRows;
        try (ResultSet rs = check.executeQuery()) {
          if (!rs.next()) {
            continue; // gone already, or it became the latest of its name
          }
          caseRows = rs.getLong(1);
        }
        for (String table : CHILD_TABLES) {
          deleteWhere(c, "DELETE FROM " + table + " WHERE report_id = ?", v.id());
        }
        deleteWhere(c, "DELETE FROM report WHERE id = ?", v.id());
        done[0]++;
        done[1] += caseRows;
      }
    }
    return done;
  }

  /**
   * Benchmark reports past the retention, but never the latest of a name; few per transaction, as
   * each may hold thousands of samples.
   */
  private long deleteBenchmarkReports(long cutoff) {
    String sql =
        "SELECT r.id FROM benchmark_report r WHERE r.received_at_ms < ? AND "
            + BenchmarkQueries.HAS_NEWER
            + " ORDER BY r.received_at_ms, r.id";
    List<Long> ids =
        connections.read(
            "reading benchmark reports past retention",
            c -> {
              List<Long> out = new ArrayList<>();
              try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, cutoff);
                try (ResultSet rs = ps.executeQuery()) {
                  while (rs.next()) {
                    out.add(rs.getLong(1));
                  }
                }
              }
              return out;
            });
    long deleted = 0;
    for (int start = 0; start < ids.size(); start += BENCHMARK_REPORTS_PER_TRANSACTION) {
      List<Long> chunk =
          ids.subList(start, Math.min(ids.size(), start + BENCHMARK_REPORTS_PER_TRANSACTION));
      deleted +=
          connections.write(
              "deleting old benchmark reports",
              c -> {
                for (long id : chunk) {
                  for (String table : BENCHMARK_CHILD_TABLES) {
                    deleteWhere(c, "DELETE FROM " + table + " WHERE report_id = ?", id);
                  }
                  deleteWhere(c, "DELETE FROM benchmark_report WHERE id = ?", id);
                }
                return (long) chunk.size();
              });
    }
    return deleted;
  }

  private static void deleteWhere(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
  }
}
