package dev.dxexporter.store;

import static dev.dxexporter.store.Reports.PROJECT;
import static dev.dxexporter.store.Reports.T0;
import static dev.dxexporter.store.Reports.meta;
import static dev.dxexporter.store.Reports.save;
import static dev.dxexporter.store.Reports.tc;
import static dev.dxexporter.store.TestResult.PASSED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Retention by age and by the test-case row bound, never deleting the latest of a name. */
class RetentionTest {
  @TempDir Path dir;
  private Store store;

  @AfterEach
  void close() {
    store.close();
  }

  private static List<TestCaseOutcome> cases(int n) {
    List<TestCaseOutcome> cases = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      cases.add(tc("s", "t" + i, PASSED, i));
    }
    return cases;
  }

  private static Instant daysAgo(int days) {
    return T0.minus(Duration.ofDays(days));
  }

  private void coverage(String identity, Instant at) {
    store.saveCoverageReport(
        Reports.coverageMeta(identity, "unit", at),
        List.of(new CoveragePoint(CoverageKind.LINE, 1, 2)));
  }

  private boolean stored(String source, String identity) {
    return store.findReport(PROJECT, source, identity).isPresent();
  }

  @Test
  void reportsPastTheRetentionGoWithTheirRowsExceptTheLatestOfEachName() {
    store = SqliteStore.open(dir, StoreSettings.defaults().withRetention(Duration.ofDays(30)));
    save(store, meta("u1", "unit", "c", daysAgo(40)), cases(3));
    save(store, meta("u2", "unit", "c", daysAgo(35)), cases(4));
    save(store, meta("u3", "unit", "c", daysAgo(1)), cases(5));
    save(store, meta("i1", "integration", "c", daysAgo(60)), cases(2)); // alone: the latest
    coverage("c1", daysAgo(50));
    coverage("c2", daysAgo(45)); // old, but the latest coverage of "unit"
    // Exactly at the cutoff: not older than the retention, kept.
    save(store, meta("edge", "edge", "c", daysAgo(30)), cases(1));
    save(store, meta("edge2", "edge", "c", daysAgo(2)), cases(1));

    assertThat(store.applyRetention(T0)).isEqualTo(new RetentionResult(3, 7));

    assertThat(stored("tests", "u1")).isFalse();
    assertThat(stored("tests", "u2")).isFalse();
    assertThat(stored("coverage", "c1")).isFalse();
    assertThat(stored("tests", "u3")).isTrue();
    assertThat(stored("tests", "i1")).isTrue();
    assertThat(stored("coverage", "c2")).isTrue();
    assertThat(stored("tests", "edge")).isTrue();
    assertThat(store.stats().rowCounts())
        .containsEntry("report", 5L)
        .containsEntry("test_summary", 4L)
        .containsEntry("test_suite", 4L)
        .containsEntry("test_case", 9L)
        .containsEntry("coverage_point", 1L);
    assertThat(store.latestTestReports(PROJECT))
        .extracting(r -> r.meta().identity())
        .containsExactly("edge2", "i1", "u3");
    // A second pass finds nothing more to do.
    assertThat(store.applyRetention(T0)).isEqualTo(new RetentionResult(0, 0));
  }

  @Test
  void theRowBoundDeletesTheOldestReportsFirstUntilItHolds() {
    store = SqliteStore.open(dir, StoreSettings.defaults().withMaxCaseRows(10));
    save(store, meta("i1", "integration", "c", daysAgo(9)), cases(4)); // oldest, but latest
    save(store, meta("u1", "unit", "c", daysAgo(8)), cases(5));
    save(store, meta("u2", "unit", "c", daysAgo(7)), cases(5));
    save(store, meta("u3", "unit", "c", daysAgo(6)), cases(5));
    // 19 rows: u1 then u2 must go (14, then 9 <= 10); i1 and u3 are the latest of their names.
    assertThat(store.applyRetention(T0)).isEqualTo(new RetentionResult(2, 10));
    assertThat(stored("tests", "u1")).isFalse();
    assertThat(stored("tests", "u2")).isFalse();
    assertThat(stored("tests", "u3")).isTrue();
    assertThat(stored("tests", "i1")).isTrue();
    assertThat(store.stats().rowCounts()).containsEntry("test_case", 9L);
    assertThat(store.slowestTests(PROJECT, "unit", 1)).hasSize(1);
  }

  @Test
  void theLatestReportsStayEvenWhenTheyAloneExceedTheBound() {
    store =
        SqliteStore.open(
            dir, StoreSettings.defaults().withMaxCaseRows(1).withRetention(Duration.ofDays(1)));
    save(store, meta("u1", "unit", "c", daysAgo(300)), cases(3));
    save(store, meta("i1", "integration", "c", daysAgo(200)), cases(3));
    assertThat(store.applyRetention(T0)).isEqualTo(new RetentionResult(0, 0));
    assertThat(store.stats().rowCounts()).containsEntry("report", 2L);
  }
}
