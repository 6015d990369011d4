package dev.dxexporter.store;

import static dev.dxexporter.store.Reports.PROJECT;
import static dev.dxexporter.store.Reports.T0;
import static dev.dxexporter.store.Reports.meta;
import static dev.dxexporter.store.Reports.save;
import static dev.dxexporter.store.Reports.summaryOf;
import static dev.dxexporter.store.Reports.tc;
import static dev.dxexporter.store.TestResult.ERRORED;
import static dev.dxexporter.store.TestResult.FAILED;
import static dev.dxexporter.store.TestResult.FLAKY;
import static dev.dxexporter.store.TestResult.PASSED;
import static dev.dxexporter.store.TestResult.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, idempotency, latest reports, slowest tests and histories through the public API. */
class StoreApiTest {
  @TempDir Path dir;
  private Store store;

  private static final List<TestCaseOutcome> FIRST =
      List.of(
          tc("core", "adds", PASSED, 0.5),
          tc("core", "subtracts", FAILED, 2.0),
          tc("core", "divides", ERRORED, 0.1),
          tc("io", "reads", SKIPPED, 0.0),
          tc("io", "writes", FLAKY, 7.25));

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir.resolve("data/nested"), StoreSettings.defaults());
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void createsTheDataDirectoryAndOneDatabaseFile() {
    assertThat(dir.resolve("data/nested/dx-exporter.db")).isRegularFile();
  }

  @Test
  void aSavedReportIsFoundByItsIdentityAndASecondSaveIsADuplicate() {
    ReportMeta m = meta("sha256:aa", "unit", "c1", T0);
    assertThat(store.findReport(PROJECT, "tests", "sha256:aa")).isEmpty();
    assertThat(save(store, m, FIRST)).isEqualTo(SaveOutcome.STORED);
    assertThat(store.findReport(PROJECT, "tests", "sha256:aa")).contains(m);

    // Same identity (same bytes rewritten, or the same Idempotency-Key pushed again): not twice,
    // even with other content and another received time; the cases are not even read.
    AtomicBoolean touched = new AtomicBoolean();
    Iterator<TestCaseOutcome> untouched =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            touched.set(true);
            return false;
          }

          @Override
          public TestCaseOutcome next() {
            throw new NoSuchElementException();
          }
        };
    SaveOutcome again =
        store.saveTestReport(
            meta("sha256:aa", "unit", "c2", T0.plusSeconds(60)),
            untouched,
            () -> summaryOf(List.of(), 0));
    assertThat(again).isEqualTo(SaveOutcome.DUPLICATE);
    assertThat(touched).isFalse();
    assertThat(store.latestTestReports(PROJECT))
        .singleElement()
        .satisfies(
            r -> {
              assertThat(r.meta()).isEqualTo(m);
            });
    assertThat(store.stats().rowCounts())
        .containsEntry("report", 1L)
        .containsEntry("test_case", 5L);
  }

  @Test
  void identityIsUniquePerProjectAndSourceOnly() {
    assertThat(save(store, meta("p1", "id", "unit", "c1", T0), FIRST))
        .isEqualTo(SaveOutcome.STORED);
    assertThat(save(store, meta("p2", "id", "unit", "c1", T0), FIRST))
        .isEqualTo(SaveOutcome.STORED);
    ReportMeta otherSource =
        new ReportMeta("p1", "coverage", "id", "unit", "lcov", null, null, null, T0);
    assertThat(
            store.saveCoverageReport(
                otherSource, List.of(new CoveragePoint(CoverageKind.LINE, 1, 2))))
        .isEqualTo(SaveOutcome.STORED);
  }

  @Test
  void latestTestReportHasTheAggregatesAndSuitesThatWereSaved() {
    TestReportSummary expected = summaryOf(FIRST, 12.5);
    store.saveTestReport(
        meta("old", "unit", "c0", T0),
        FIRST.subList(0, 2).iterator(),
        () -> summaryOf(FIRST.subList(0, 2), 3));
    store.saveTestReport(
        meta("new", "unit", "c1", T0.plusSeconds(10)), FIRST.iterator(), () -> expected);
    store.saveTestReport(
        meta("int", "integration", "c1", T0),
        FIRST.subList(4, 5).iterator(),
        () -> summaryOf(FIRST.subList(4, 5), 9));
    // A report received earlier but saved later does not become the latest.
    store.saveTestReport(
        meta("late", "unit", "c0", T0.plusSeconds(5)), FIRST.iterator(), () -> summaryOf(FIRST, 1));

    List<TestReport> latest = store.latestTestReports(PROJECT);
    assertThat(latest)
        .extracting(r -> r.meta().reportName())
        .containsExactly("integration", "unit");
    TestReport unit = latest.get(1);
    assertThat(unit.meta().identity()).isEqualTo("new");
    assertThat(unit.aggregates()).isEqualTo(expected.aggregates());
    assertThat(unit.suites()).isEqualTo(expected.suites());
    assertThat(unit.aggregates().counts().asMap())
        .containsEntry(PASSED, 1L)
        .containsEntry(FAILED, 1L)
        .containsEntry(ERRORED, 1L)
        .containsEntry(SKIPPED, 1L)
        .containsEntry(FLAKY, 1L);
    assertThat(store.latestTestReports("other-project")).isEmpty();
  }

  @Test
  void sameReceivedTimeTheOneSavedLastIsLatest() {
    save(store, meta("a", "unit", "c1", T0), FIRST);
    save(store, meta("b", "unit", "c1", T0), FIRST.subList(0, 1));
    assertThat(store.latestTestReports(PROJECT))
        .singleElement()
        .satisfies(r -> assertThat(r.meta().identity()).isEqualTo("b"));
  }

  @Test
  void slowestTestsComeFromTheLatestReportOnly() {
    save(store, meta("old", "unit", "c0", T0), List.of(tc("core", "ancient", PASSED, 99)));
    save(store, meta("new", "unit", "c1", T0.plusSeconds(1)), FIRST);
    assertThat(store.slowestTests(PROJECT, "unit", 3))
        .containsExactly(
            new SlowTest("io", "io.Class", "writes", 7.25),
            new SlowTest("core", "core.Class", "subtracts", 2.0),
            new SlowTest("core", "core.Class", "adds", 0.5));
    assertThat(store.slowestTests(PROJECT, "nope", 3)).isEmpty();
  }

  @Test
  void historyIsTheLastNReportsOldestFirst() {
    for (int i = 0; i < 5; i++) {
      List<TestCaseOutcome> cases = FIRST.subList(0, i + 1);
      store.saveTestReport(
          meta("r" + i, "unit", "c" + i, T0.plusSeconds(i * 60L)),
          cases.iterator(),
          () -> summaryOf(cases, 100));
    }
    List<TestRunPoint> history = store.testHistory(PROJECT, "unit", 3);
    assertThat(history)
        .extracting(TestRunPoint::receivedAt)
        .containsExactly(T0.plusSeconds(120), T0.plusSeconds(180), T0.plusSeconds(240));
    // r2 = adds(passed), subtracts(failed), divides(errored); r4 adds io/reads skipped, io/writes
    // flaky
    assertThat(history.get(0)).isEqualTo(new TestRunPoint(T0.plusSeconds(120), 100, 1, 1));
    assertThat(history.get(2).passed()).isEqualTo(1);
  }

  @Test
  void coverageLatestAndHistory() {
    for (int i = 0; i < 4; i++) {
      store.saveCoverageReport(
          Reports.coverageMeta("cov" + i, "unit", T0.plusSeconds(i)),
          List.of(
              new CoveragePoint(CoverageKind.LINE, 50 + i, 100),
              new CoveragePoint(CoverageKind.BRANCH, i, 10)));
    }
    store.saveCoverageReport(
        Reports.coverageMeta("e2e", "e2e", T0),
        List.of(new CoveragePoint(CoverageKind.LINE, 0, 0)));

    List<CoverageReport> latest = store.latestCoverageReports(PROJECT);
    assertThat(latest).extracting(r -> r.meta().identity()).containsExactly("e2e", "cov3");
    assertThat(latest.get(1).points())
        .containsExactlyInAnyOrder(
            new CoveragePoint(CoverageKind.LINE, 53, 100),
            new CoveragePoint(CoverageKind.BRANCH, 3, 10));
    assertThat(latest.get(0).points().get(0).ratio()).isEmpty();

    List<CoverageRunPoint> history = store.coverageHistory(PROJECT, "unit", 2);
    assertThat(history)
        .extracting(CoverageRunPoint::receivedAt)
        .containsExactly(T0.plusSeconds(2), T0.plusSeconds(3));
    assertThat(history.get(0).points())
        .extracting(p -> p.ratio().orElseThrow())
        .containsExactlyInAnyOrder(0.52, 0.2);
    // Coverage and test reports are separate series even under one name.
    assertThat(store.testHistory(PROJECT, "unit", 10)).isEmpty();
  }

  @Test
  void aFailingCaseStreamLeavesNothingBehind() {
    Iterator<TestCaseOutcome> broken =
        new Iterator<>() {
          int n;

          @Override
          public boolean hasNext() {
            return true;
          }

          @Override
          public TestCaseOutcome next() {
            if (++n > 5000) {
              throw new IllegalStateException("parse error at line 12000");
            }
            return tc("s", "t" + n, PASSED, 0);
          }
        };
    assertThatThrownBy(
            () ->
                store.saveTestReport(
                    meta("x", "unit", "c", T0), broken, () -> summaryOf(List.of(), 0)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("parse error at line 12000");
    assertThat(store.findReport(PROJECT, "tests", "x")).isEmpty();
    assertThat(store.stats().rowCounts()).containsEntry("test_case", 0L);
    // And the store goes on.
    assertThat(save(store, meta("x", "unit", "c", T0), FIRST)).isEqualTo(SaveOutcome.STORED);
  }

  @Test
  void statsCountRowsFilesAndTheLastWrite() {
    StoreStats empty = store.stats();
    assertThat(empty.lastSuccessfulWrite()).isEmpty();
    assertThat(empty.sizeOnDiskBytes()).isPositive();
    save(store, meta("a", "unit", "c1", T0), FIRST);
    StoreStats stats = store.stats();
    assertThat(stats.rowCounts())
        .containsEntry("report", 1L)
        .containsEntry("test_summary", 1L)
        .containsEntry("test_suite", 2L)
        .containsEntry("test_case", 5L)
        .containsEntry("coverage_point", 0L);
    assertThat(stats.lastSuccessfulWrite()).isPresent();
    assertThat(stats.writeErrors()).isZero();
    assertThat(stats.readErrors()).isZero();
    store.close();
    // The last write time survives a restart.
    store = SqliteStore.open(dir.resolve("data/nested"), StoreSettings.defaults());
    assertThat(store.stats().lastSuccessfulWrite()).isEqualTo(stats.lastSuccessfulWrite());
  }

  @Test
  void aLargeSaveGivesBackItsLogSpace() throws Exception {
    int n = 120_000;
    Iterator<TestCaseOutcome> cases =
        java.util.stream.IntStream.range(0, n)
            .mapToObj(i -> tc("suite", "test number " + i, PASSED, 0.001))
            .iterator();
    store.saveTestReport(meta("large", "unit", "c1", T0), cases, () -> summaryOf(List.of(), 0));
    Path dataDir = dir.resolve("data/nested");
    // The WAL held the whole transaction (megabytes); the checkpoint after the save emptied it.
    assertThat(java.nio.file.Files.size(dataDir.resolve("dx-exporter.db-wal"))).isZero();
    assertThat(store.stats().sizeOnDiskBytes())
        .isEqualTo(
            java.nio.file.Files.size(dataDir.resolve("dx-exporter.db"))
                + java.nio.file.Files.size(dataDir.resolve("dx-exporter.db-shm")));
    assertThat(store.stats().rowCounts()).containsEntry("test_case", (long) n);
  }

  @Test
  void argumentsNoReportCouldHaveAreRefused() {
    assertThatThrownBy(() -> meta(" ", "unit", "c", T0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tc("s", "t", PASSED, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> tc("s", "t", PASSED, -1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TestAggregates(new TestCounts(1, 0, 0, 0, 0), 2, 1.0))
        .hasMessageContaining("add up to 1");
    assertThatThrownBy(() -> new CoveragePoint(CoverageKind.LINE, 3, 2))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () ->
                store.saveCoverageReport(
                    Reports.coverageMeta("c", "u", T0),
                    List.of(
                        new CoveragePoint(CoverageKind.LINE, 1, 2),
                        new CoveragePoint(CoverageKind.LINE, 1, 2))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> store.flakyRatio(PROJECT, T0, T0.minus(Duration.ofSeconds(1))))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
