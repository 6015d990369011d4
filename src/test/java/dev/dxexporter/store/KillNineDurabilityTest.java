package dev.dxexporter.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.store.sqlite.SqliteStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Acknowledged means durable", proven with real SIGKILLs: a child JVM saves reports in a loop and
 * prints each identity once its save returned; the parent kills it at a random moment (often in the
 * middle of a large save), restarts it (which reopens the store and re-runs the migrations as a
 * no-op) and, after all rounds, checks that every acknowledged report is there and intact, that no
 * half-saved report exists, and that SQLite's integrity check passes.
 */
class KillNineDurabilityTest {
  private static final int ROUNDS = 24;

  @TempDir Path dir;

  @Test
  void everyAcknowledgedReportSurvivesKillNine() throws Exception {
    Random random = new Random(20261129L ^ System.nanoTime());
    Set<String> acknowledged = new LinkedHashSet<>();
    int killedMidSave = 0;
    for (int round = 0; round < ROUNDS; round++) {
      Process child = ChildJvm.start(KillNineWriter.class, dir.toString(), "r" + round);
      LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
      Thread reader = new Thread(() -> pump(child, lines));
      reader.setDaemon(true);
      reader.start();
      assertThat(lines.poll(60, TimeUnit.SECONDS)).as("child opened the store").isEqualTo("OPEN");
      // Kill after the k-th save has begun plus a random delay, so the kill lands before, inside or
      // just after a transaction (large saves take a few hundred milliseconds).
      int k = 1 + random.nextInt(4);
      int begun = 0;
      while (begun < k) {
        String line = lines.poll(60, TimeUnit.SECONDS);
        assertThat(line).as("child is still saving").isNotNull();
        if (line.startsWith("ACK ")) {
          acknowledged.add(line.substring(4));
        } else if (line.startsWith("BEGIN ")) {
          begun++;
        }
      }
      Thread.sleep(random.nextInt(250));
      child.destroyForcibly(); // SIGKILL on Linux
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      reader.join(10_000);
      String last = null;
      for (String line : lines) {
        if (line.startsWith("ACK ")) {
          acknowledged.add(line.substring(4));
        }
        last = line;
      }
      if (last != null && last.startsWith("BEGIN ")) {
        killedMidSave++;
      }
    }
    System.out.printf(
        "kill -9: %d rounds, %d acknowledged reports, %d kills during a save%n",
        ROUNDS, acknowledged.size(), killedMidSave);
    assertThat(acknowledged).hasSizeGreaterThan(ROUNDS);
    // The kill must really have hit saves in progress, or this test proves less than it says.
    assertThat(killedMidSave).as("kills that landed during a save").isGreaterThanOrEqualTo(3);

    // Reopening runs the migrations again (a no-op) and sees every acknowledged report.
    try (Store store = SqliteStore.open(dir, StoreSettings.defaults())) {
      for (String identity : acknowledged) {
        assertThat(store.findReport("kill9", "tests", identity))
            .as(identity)
            .contains(DeterministicReport.of(identity).meta());
      }
    }
    try (Connection c =
        DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dx-exporter.db"))) {
      assertThat(integrityCheck(c)).containsExactly("ok");
      List<String> stored = storedIdentities(c);
      assertThat(stored).containsAll(acknowledged);
      // Every stored report, acknowledged or caught just after its commit, is whole.
      for (String identity : stored) {
        assertIntact(c, DeterministicReport.of(identity));
      }
    }
  }

  private static void pump(Process child, LinkedBlockingQueue<String> lines) {
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        lines.add(line);
      }
    } catch (IOException ignored) {
      // the pipe closes when the child is killed
    }
  }

  private static List<String> integrityCheck(Connection c) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
      while (rs.next()) {
        rows.add(rs.getString(1));
      }
    }
    return rows;
  }

  private static List<String> storedIdentities(Connection c) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT identity FROM report ORDER BY id")) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private static void assertIntact(Connection c, DeterministicReport expected) throws SQLException {
    TestReportSummary summary = expected.summary();
    TestCounts n = summary.aggregates().counts();
    String sql =
        "SELECT r.case_rows, s.passed, s.failed, s.errored, s.skipped, s.flaky, s.total_cases,"
            + " s.wall_seconds, (SELECT COUNT(*) FROM test_case t WHERE t.report_id = r.id),"
            + " (SELECT COUNT(*) FROM test_case t WHERE t.report_id = r.id AND t.result = 'flaky'),"
            + " (SELECT COUNT(*) FROM test_suite u WHERE u.report_id = r.id)"
            + " FROM report r JOIN test_summary s ON s.report_id = r.id WHERE r.identity = ?";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, expected.identity());
      try (ResultSet rs = ps.executeQuery()) {
        assertThat(rs.next()).as(expected.identity() + " has its summary").isTrue();
        assertThat(
                List.of(
                    rs.getLong(1),
                    rs.getLong(2),
                    rs.getLong(3),
                    rs.getLong(4),
                    rs.getLong(5),
                    rs.getLong(6),
                    rs.getLong(7),
                    rs.getLong(9),
                    rs.getLong(10),
                    rs.getLong(11)))
            .as(expected.identity())
            .containsExactly(
                (long) expected.cases(),
                n.passed(),
                n.failed(),
                n.errored(),
                n.skipped(),
                n.flaky(),
                (long) expected.cases(),
                (long) expected.cases(),
                n.flaky(),
                3L);
        assertThat(rs.getDouble(8)).isEqualTo(summary.aggregates().wallSeconds());
      }
    }
  }
}
