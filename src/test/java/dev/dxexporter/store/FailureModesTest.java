package dev.dxexporter.store;

import static dev.dxexporter.store.Reports.PROJECT;
import static dev.dxexporter.store.Reports.T0;
import static dev.dxexporter.store.Reports.meta;
import static dev.dxexporter.store.Reports.save;
import static dev.dxexporter.store.Reports.tc;
import static dev.dxexporter.store.TestResult.PASSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.store.sqlite.SqliteDialect;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Disk full, read-only, locked by another process, unusable data directory: a write fails with a
 * {@link StoreUnavailableException} that says what and where, nothing stored is lost, reads go on,
 * and the same store object writes again once the condition clears.
 *
 * <p>Tests run as root here, so {@code chmod} cannot make anything read-only and no file system can
 * be mounted. Each test says what it really exercises.
 */
class FailureModesTest {
  @TempDir Path dir;
  private final AtomicReference<String> fault = new AtomicReference<>();
  private Store store;

  /** Before each write transaction the writer runs the current fault's PRAGMA, if any. */
  private final Connections.WriteHook hook =
      c -> {
        try (Statement s = c.createStatement()) {
          String pragma = fault.get();
          if (pragma != null) {
            s.execute(pragma);
          } else {
            s.execute("PRAGMA query_only = 0");
            s.execute("PRAGMA max_page_count = 1073741823");
          }
        }
      };

  @BeforeEach
  void open() {
    StoreSettings settings = StoreSettings.defaults().withLockTimeout(Duration.ofMillis(300));
    store =
        JdbcStore.open(
            new SqliteDialect(dir, settings.lockTimeout()), settings, Clock.systemUTC(), hook);
    save(store, meta("before", "unit", "c1", T0), cases(100));
  }

  @AfterEach
  void close() {
    store.close();
  }

  private static List<TestCaseOutcome> cases(int n) {
    List<TestCaseOutcome> cases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cases.add(tc("suite", "a fairly long test name to fill pages " + i, PASSED, 0.001 * i));
    }
    return cases;
  }

  /** What was stored before the failure is all still there and readable. */
  private void assertIntactAndReadable() {
    assertThat(store.findReport(PROJECT, "tests", "before")).isPresent();
    assertThat(store.latestTestReports(PROJECT))
        .singleElement()
        .satisfies(r -> assertThat(r.aggregates().totalCases()).isEqualTo(100));
    assertThat(store.stats().rowCounts())
        .containsEntry("report", 1L)
        .containsEntry("test_case", 100L);
  }

  @Test
  void diskFull() {
    // PRAGMA max_page_count caps the file at its current size: SQLite then fails the write with
    // SQLITE_FULL, the same result code and the same rollback path as ENOSPC from a full file
    // system (the OS call itself is not exercised).
    fault.set("PRAGMA max_page_count = 1");
    assertThatThrownBy(() -> save(store, meta("big", "unit", "c2", T0), cases(20_000)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("disk full: cannot write " + dir.resolve("dx-exporter.db"))
        .hasMessageContaining("saving test report big of app failed");
    assertIntactAndReadable();
    assertThat(store.findReport(PROJECT, "tests", "big")).isEmpty();
    assertThat(store.stats().writeErrors()).isEqualTo(1);

    fault.set(null);
    assertThat(save(store, meta("big", "unit", "c2", T0), cases(20_000)))
        .isEqualTo(SaveOutcome.STORED);
    assertThat(store.stats().rowCounts()).containsEntry("test_case", 20_100L);
  }

  @Test
  void readOnly() {
    // PRAGMA query_only makes SQLite refuse every write with SQLITE_READONLY, the result code a
    // read-only mount or file gives; the file system is not really read-only (as root it cannot
    // be made so here).
    fault.set("PRAGMA query_only = 1");
    assertThatThrownBy(() -> save(store, meta("new", "unit", "c2", T0), cases(10)))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("data directory " + dir + " is read-only");
    assertThatThrownBy(
            () ->
                store.saveCoverageReport(
                    Reports.coverageMeta("cov", "unit", T0),
                    List.of(new CoveragePoint(CoverageKind.LINE, 1, 2))))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageEndingWith("saving coverage report cov of app failed");
    assertIntactAndReadable();

    fault.set(null);
    assertThat(save(store, meta("new", "unit", "c2", T0), cases(10))).isEqualTo(SaveOutcome.STORED);
  }

  @Test
  void lockedByAnotherProcess() throws Exception {
    // A real second process holds the write lock (BEGIN EXCLUSIVE, with a pending delete).
    Process holder = ChildJvm.start(LockHolder.class, dir.resolve("dx-exporter.db").toString());
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
      assertThat(out.readLine()).isEqualTo("locked");

      long start = System.nanoTime();
      assertThatThrownBy(() -> save(store, meta("new", "unit", "c2", T0), cases(10)))
          .isInstanceOf(StoreUnavailableException.class)
          .hasMessageStartingWith(
              "database " + dir.resolve("dx-exporter.db") + " is locked by another process");
      // It waited for the lock timeout (300 ms), not forever.
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
      // WAL: readers see the last committed state, not the holder's pending delete.
      assertIntactAndReadable();
      // A restart meanwhile still opens: at the current version Flyway only reads.
      try (Store reopened =
          SqliteStore.open(dir, StoreSettings.defaults().withLockTimeout(Duration.ofMillis(300)))) {
        assertThat(reopened.findReport(PROJECT, "tests", "before")).isPresent();
      }
    } finally {
      holder.getOutputStream().close();
      assertThat(holder.waitFor(30, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(save(store, meta("new", "unit", "c2", T0), cases(10))).isEqualTo(SaveOutcome.STORED);
    assertThat(store.stats().rowCounts()).containsEntry("test_case", 110L);
  }

  @Test
  void aDataDirectoryThatCannotBeCreatedIsNamed() throws Exception {
    // Real: a regular file where a directory should be (root or not, nothing can be created).
    Path file = Files.writeString(dir.resolve("plain-file"), "x");
    assertThatThrownBy(() -> SqliteStore.open(file.resolve("data"), StoreSettings.defaults()))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageStartingWith("cannot create data directory " + file.resolve("data"));
    assertThatThrownBy(() -> SqliteStore.open(file, StoreSettings.defaults()))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining(file.toString());
  }

  @Test
  void aFileThatIsNotADatabaseIsNamed() throws Exception {
    // Real: garbage where the database file should be.
    Path other = dir.resolve("other");
    Files.createDirectories(other);
    Files.write(other.resolve("dx-exporter.db"), new byte[8192]);
    Files.writeString(other.resolve("dx-exporter.db"), "this is not an SQLite database");
    assertThatThrownBy(() -> SqliteStore.open(other, StoreSettings.defaults()))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("is damaged or not an SQLite database");
  }
}
