package dev.dxexporter.store;

import static dev.dxexporter.store.Reports.PROJECT;
import static dev.dxexporter.store.Reports.T0;
import static dev.dxexporter.store.Reports.meta;
import static dev.dxexporter.store.Reports.save;
import static dev.dxexporter.store.Reports.summaryOf;
import static dev.dxexporter.store.Reports.tc;
import static dev.dxexporter.store.TestResult.PASSED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Several writers and readers at once: reads never wait for a write, identities stay unique. */
class ConcurrencyTest {
  @TempDir Path dir;
  private Store store;
  private final ExecutorService pool = Executors.newFixedThreadPool(8);

  @BeforeEach
  void open() {
    store = SqliteStore.open(dir, StoreSettings.defaults().withWriterWait(Duration.ofMillis(200)));
    save(store, meta("first", "unit", "c1", T0), List.of(tc("s", "t", PASSED, 1)));
  }

  @AfterEach
  void close() {
    pool.shutdownNow();
    store.close();
  }

  /** Cases that stop half-way until {@code resume} opens, announcing it on {@code paused}. */
  private static Iterator<TestCaseOutcome> pausingCases(
      int total, CountDownLatch paused, CountDownLatch resume) {
    return new Iterator<>() {
      int n;

      @Override
      public boolean hasNext() {
        return n < total;
      }

      @Override
      public TestCaseOutcome next() {
        if (n == total / 2) {
          paused.countDown();
          try {
            resume.await();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
          }
        }
        return tc("s", "t" + n++, PASSED, 0.01);
      }
    };
  }

  @Test
  void readsDoNotWaitForAWriteInProgressAndDoNotSeeIt() throws Exception {
    CountDownLatch paused = new CountDownLatch(1);
    CountDownLatch resume = new CountDownLatch(1);
    Future<SaveOutcome> big =
        pool.submit(
            () ->
                store.saveTestReport(
                    meta("big", "unit", "c2", T0.plusSeconds(1)),
                    pausingCases(100_000, paused, resume),
                    () -> summaryOf(List.of(), 0)));
    assertThat(paused.await(30, TimeUnit.SECONDS)).isTrue();
    // The write transaction is open with 50,000 rows inserted: every read still answers, from
    // the last committed state. (If reads waited for the writer this would hang: the write only
    // goes on after the reads.)
    assertThat(store.latestTestReports(PROJECT))
        .singleElement()
        .satisfies(r -> assertThat(r.meta().identity()).isEqualTo("first"));
    assertThat(store.findReport(PROJECT, "tests", "big")).isEmpty();
    assertThat(store.flakyRatio(PROJECT, T0, T0.plusSeconds(10)))
        .isEqualTo(new FlakyRatio(0, 1, 1));
    assertThat(store.stats().rowCounts()).containsEntry("test_case", 1L);
    // A second writer waits for the first, here only 200 ms, then gives up clearly.
    assertThatThrownBy(() -> save(store, meta("other", "unit", "c3", T0), List.of()))
        .isInstanceOf(StoreUnavailableException.class)
        .hasMessageContaining("is busy: another write held it");
    resume.countDown();
    assertThat(big.get(60, TimeUnit.SECONDS)).isEqualTo(SaveOutcome.STORED);
    assertThat(store.stats().rowCounts()).containsEntry("test_case", 100_001L);
  }

  @Test
  void concurrentSavesOfTheSameIdentitiesStoreEachOnce() throws Exception {
    Store patient = SqliteStore.open(dir, StoreSettings.defaults());
    try {
      List<Future<SaveOutcome>> outcomes = new ArrayList<>();
      for (int thread = 0; thread < 8; thread++) {
        for (int i = 0; i < 20; i++) {
          // Threads t and t+4 push the same 20 identities: 80 distinct, each pushed twice.
          String identity = "id-" + (thread % 4) + "-" + i;
          outcomes.add(
              pool.submit(
                  () ->
                      save(
                          patient,
                          meta(identity, "unit", "c", T0),
                          List.of(tc("s", "a", PASSED, 1), tc("s", "b", PASSED, 2)))));
        }
      }
      long stored = 0;
      for (Future<SaveOutcome> f : outcomes) {
        if (f.get(60, TimeUnit.SECONDS) == SaveOutcome.STORED) {
          stored++;
        }
      }
      assertThat(stored).isEqualTo(80);
      assertThat(patient.stats().rowCounts())
          .containsEntry("report", 81L)
          .containsEntry("test_case", 161L);
    } finally {
      patient.close();
    }
  }
}
