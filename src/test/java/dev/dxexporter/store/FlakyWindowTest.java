package dev.dxexporter.store;

import static dev.dxexporter.store.Reports.PROJECT;
import static dev.dxexporter.store.Reports.T0;
import static dev.dxexporter.store.Reports.meta;
import static dev.dxexporter.store.Reports.save;
import static dev.dxexporter.store.Reports.tc;
import static dev.dxexporter.store.TestResult.ERRORED;
import static dev.dxexporter.store.TestResult.FAILED;
import static dev.dxexporter.store.TestResult.FLAKY;
import static dev.dxexporter.store.TestResult.PASSED;
import static dev.dxexporter.store.TestResult.SKIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The flaky ratio and list over a window, on a history built so that every rule of the definition
 * decides at least one case. Window [T0, T0+100 s], both ends included.
 */
class FlakyWindowTest {
  @TempDir Path dir;
  private Store store;

  private static Instant at(double seconds) {
    return T0.plusMillis((long) (seconds * 1000));
  }

  @BeforeEach
  void history() {
    store = SqliteStore.open(dir, StoreSettings.defaults());
    // unit/d flaky within a run (kind a), twice; unit/b failed then passed on commit A (kind b).
    save(
        store,
        meta("r1", "unit", "A", at(10)),
        List.of(
            tc("s", "a", PASSED, 1),
            tc("s", "b", FAILED, 1),
            tc("s", "c", PASSED, 1),
            tc("s", "d", FLAKY, 1),
            tc("s", "e", SKIPPED, 0)));
    save(
        store,
        meta("r2", "unit", "A", at(20)),
        List.of(
            tc("s", "a", PASSED, 1),
            tc("s", "b", PASSED, 1),
            tc("s", "c", PASSED, 1),
            tc("s", "d", FLAKY, 1)));
    // unit/a fails on commit B but passed only on commit A: a regression, not flakiness.
    save(
        store,
        meta("r3", "unit", "B", at(30)),
        List.of(tc("s", "a", FAILED, 1), tc("s", "c", PASSED, 1)));
    // integration/a is another case than unit/a; integration/x errored then passed on commit C.
    save(
        store,
        meta("r4", "integration", "C", at(40)),
        List.of(tc("s", "a", PASSED, 1), tc("s", "x", ERRORED, 1)));
    save(store, meta("r5", "integration", "C", at(50)), List.of(tc("s", "x", PASSED, 1)));
    // unit/g failed and passed with no commit known: nothing ties the two runs together.
    save(store, meta("r8", "unit", null, at(60)), List.of(tc("s", "g", FAILED, 1)));
    save(store, meta("r9", "unit", null, at(70)), List.of(tc("s", "g", PASSED, 1)));
    // Exactly on the window's end: included.
    save(store, meta("r7", "unit", "D", at(100)), List.of(tc("s", "f", FLAKY, 1)));
    // Outside the window, and another project: never counted.
    save(store, meta("r6", "unit", "E", at(100.001)), List.of(tc("s", "z", FLAKY, 1)));
    save(store, meta("other", "q1", "unit", "A", at(50)), List.of(tc("s", "q", FLAKY, 1)));
  }

  @AfterEach
  void close() {
    store.close();
  }

  @Test
  void ratioCountsBothKindsOverDistinctCasesOfTheWindow() {
    // Distinct cases: unit a b c d e f g (7) + integration a x (2) = 9.
    // Flaky: unit/d (kind a), unit/f (kind a, on the edge), unit/b and integration/x (kind b) = 4.
    // Reports in the window: r1 r2 r3 r4 r5 r8 r9 r7 = 8.
    assertThat(store.flakyRatio(PROJECT, at(0), at(100))).isEqualTo(new FlakyRatio(4, 9, 8));
    assertThat(store.flakyRatio(PROJECT, at(0), at(100)).ratio()).isEqualTo(4.0 / 9);
  }

  @Test
  void windowEdgesAreInclusiveToTheMillisecond() {
    // From r1's time on: the same as above.
    assertThat(store.flakyRatio(PROJECT, at(10), at(100))).isEqualTo(new FlakyRatio(4, 9, 8));
    // One millisecond later r1 drops out: unit/b only passed (r2), unit/e is gone, unit/d still
    // flaky in r2. Cases: unit a b c d f g + integration a x = 8; flaky d f x = 3; reports 7.
    assertThat(store.flakyRatio(PROJECT, at(10.001), at(100))).isEqualTo(new FlakyRatio(3, 8, 7));
    // Ending one millisecond before r7: unit/f is gone.
    assertThat(store.flakyRatio(PROJECT, at(0), at(99.999))).isEqualTo(new FlakyRatio(3, 8, 7));
    // Up to r6's time: unit/z is in.
    assertThat(store.flakyRatio(PROJECT, at(0), at(100.001))).isEqualTo(new FlakyRatio(5, 10, 9));
  }

  @Test
  void aWindowWithTooFewRunsSaysHowManyItHad() {
    // Only r3: one report, two cases, nothing flaky (one run cannot show kind b).
    assertThat(store.flakyRatio(PROJECT, at(25), at(35))).isEqualTo(new FlakyRatio(0, 2, 1));
    FlakyRatio empty = store.flakyRatio(PROJECT, at(500), at(600));
    assertThat(empty).isEqualTo(new FlakyRatio(0, 0, 0));
    assertThat(empty.ratio()).isZero();
    assertThat(store.flakyRatio("nobody", at(0), at(100))).isEqualTo(new FlakyRatio(0, 0, 0));
  }

  @Test
  void flakyTestsAreListedMostOftenFirstWithTheirLastOccurrence() {
    List<FlakyTest> tests = store.flakyTests(PROJECT, at(0), at(100), 10);
    assertThat(tests)
        .containsExactly(
            // flaky in r1 and r2
            new FlakyTest("unit", "s", "s.Class", "d", 2, at(20), "A"),
            new FlakyTest("unit", "s", "s.Class", "f", 1, at(100), "D"),
            // failed (r4) and passed (r5) on C: last seen with r5
            new FlakyTest("integration", "s", "s.Class", "x", 1, at(50), "C"),
            new FlakyTest("unit", "s", "s.Class", "b", 1, at(20), "A"));
    assertThat(store.flakyTests(PROJECT, at(0), at(100), 2))
        .extracting(FlakyTest::testName)
        .containsExactly("d", "f");
  }

  @Test
  void flakyWithinARunAndAcrossRunsOnOneCaseCountBoth() {
    // unit/h: flaky in one run on commit H, then failed and passed in two more runs on H.
    save(store, meta("h1", "unit", "H", at(80)), List.of(tc("s", "h", FLAKY, 1)));
    save(store, meta("h2", "unit", "H", at(81)), List.of(tc("s", "h", FAILED, 1)));
    save(store, meta("h3", "unit", "H", at(82)), List.of(tc("s", "h", PASSED, 1)));
    assertThat(store.flakyTests(PROJECT, at(79), at(90), 5))
        .containsExactly(new FlakyTest("unit", "s", "s.Class", "h", 2, at(82), "H"));
    // One case, counted once in the ratio.
    assertThat(store.flakyRatio(PROJECT, at(79), at(90))).isEqualTo(new FlakyRatio(1, 1, 3));
  }
}
