package dev.dxexporter.store;

import static dev.dxexporter.store.Reports.PROJECT;
import static dev.dxexporter.store.Reports.T0;
import static dev.dxexporter.store.Reports.meta;
import static dev.dxexporter.store.Reports.save;
import static dev.dxexporter.store.Reports.tc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.dxexporter.store.sqlite.SqliteDialect;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Flyway: first open creates the schema, later opens change nothing, newer schemas are refused. */
class MigrationTest {
  @TempDir Path dir;

  private List<String> history() throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dx-exporter.db"));
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT version, success FROM flyway_schema_history ORDER BY installed_rank")) {
      List<String> rows = new ArrayList<>();
      while (rs.next()) {
        rows.add(rs.getString(1) + ":" + rs.getBoolean(2));
      }
      return rows;
    }
  }

  @Test
  void reopeningAtTheCurrentVersionChangesNothing() throws Exception {
    try (Store store = SqliteStore.open(dir, StoreSettings.defaults())) {
      save(store, meta("a", "unit", "c", T0), List.of(tc("s", "t", TestResult.PASSED, 1)));
    }
    List<String> first = history();
    assertThat(first).containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true");
    for (int i = 0; i < 3; i++) {
      try (Store store = SqliteStore.open(dir, StoreSettings.defaults())) {
        assertThat(store.findReport(PROJECT, "tests", "a")).isPresent();
      }
    }
    assertThat(history()).isEqualTo(first);
  }

  @Test
  void aDatabaseFromANewerVersionIsRefusedWithAClearMessage() throws Exception {
    try (Store store = SqliteStore.open(dir, StoreSettings.defaults())) {
      save(store, meta("a", "unit", "c", T0), List.of(tc("s", "t", TestResult.PASSED, 1)));
    }
    // What a newer dx-exporter would leave: its own migration V999 applied on top of ours.
    SqliteDialect dialect = new SqliteDialect(dir, Duration.ofSeconds(5));
    Flyway.configure()
        .dataSource(dialect.migrationDataSource())
        .locations("classpath:db/migration/sqlite", "classpath:store/future-migration")
        .loggers(QuietFlywayLog.class.getName())
        .load()
        .migrate();
    assertThat(history())
        .containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true", "999:true");

    assertThatThrownBy(() -> SqliteStore.open(dir, StoreSettings.defaults()))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessage(
            "store "
                + dir.resolve("dx-exporter.db")
                + " has schema version 999, newer than this dx-exporter knows: it was written by a"
                + " newer version; run that version, or point this one at another data directory");
    // Refusing did not touch it.
    assertThat(history())
        .containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true", "999:true");
  }

  @Test
  void aStoreOfSchema4KeepsItsCiRunsWithoutAHeadCommitAndGainsTheTimingsTables() throws Exception {
    // A store written by the version before head_sha: schema 4, with one run.
    SqliteDialect dialect = new SqliteDialect(dir, Duration.ofSeconds(5));
    dialect.prepare();
    Flyway.configure()
        .dataSource(dialect.migrationDataSource())
        .locations("classpath:db/migration/sqlite")
        .target("4")
        .loggers(QuietFlywayLog.class.getName())
        .load()
        .migrate();
    try (Connection c =
            DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("dx-exporter.db"));
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO ci_run (project, repository, run_id, run_attempt, pipeline, branch,"
              + " branch_class, status, conclusion, order_key, received_at_ms, counted,"
              + " artifacts_done) VALUES ('p', 'o/r', 7, 1, 'CI', 'main', 'default', 'completed',"
              + " 'success', 'k', "
              + T0.toEpochMilli()
              + ", 1, 0)");
    }
    assertThat(history()).containsExactly("1:true", "2:true", "3:true", "4:true");
    try (Store store = SqliteStore.open(dir, StoreSettings.defaults())) {
      assertThat(store.ci().repositoryRuns("p", "o/r", 10))
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.runId()).isEqualTo(7);
                assertThat(r.headSha()).isNull();
              });
      assertThat(store.latestBuildTimings("p")).isEmpty();
      assertThat(store.stats().rowCounts()).containsEntry("timings_report", 0L);
    }
    assertThat(history())
        .containsExactly("1:true", "2:true", "3:true", "4:true", "5:true", "6:true");
  }

  @Test
  void flywaySaysNothingAtInfo() {
    Logger flyway = (Logger) LoggerFactory.getLogger("org.flywaydb");
    Level before = flyway.getLevel();
    ListAppender<ILoggingEvent> events = new ListAppender<>();
    events.start();
    flyway.addAppender(events);
    flyway.setLevel(Level.DEBUG);
    flyway.setAdditive(false); // keep the debug lines out of the test log
    try {
      SqliteStore.open(dir, StoreSettings.defaults()).close(); // migrates
      SqliteStore.open(dir, StoreSettings.defaults()).close(); // up to date
    } finally {
      flyway.detachAppender(events);
      flyway.setLevel(before);
      flyway.setAdditive(true);
    }
    // Flyway did talk (so the appender saw it), only below INFO.
    assertThat(events.list).isNotEmpty();
    assertThat(events.list)
        .filteredOn(e -> e.getLevel().isGreaterOrEqual(Level.INFO))
        .extracting(ILoggingEvent::getFormattedMessage)
        .isEmpty();
  }
}
