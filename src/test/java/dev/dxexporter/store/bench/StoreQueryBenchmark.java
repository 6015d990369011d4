package dev.dxexporter.store.bench;

import dev.dxexporter.store.FlakyRatio;
import dev.dxexporter.store.FlakyTest;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SlowTest;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.StoreStats;
import dev.dxexporter.store.SuiteDuration;
import dev.dxexporter.store.TestAggregates;
import dev.dxexporter.store.TestCaseOutcome;
import dev.dxexporter.store.TestCounts;
import dev.dxexporter.store.TestReport;
import dev.dxexporter.store.TestReportSummary;
import dev.dxexporter.store.TestResult;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The lead's queries over a window of {@code reports} test reports of {@code cases} cases each (one
 * report name, 5 commits, ~1 % of the cases flaky or failing-then-passing): flaky ratio, flaky
 * list, latest reports, slowest tests, stats.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx128m")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class StoreQueryBenchmark {
  private static final Instant T0 = Instant.parse("2026-11-01T00:00:00Z");

  @Param({"30"})
  public int reports;

  @Param({"10000"})
  public int cases;

  private Path dir;
  private Store store;

  @Setup(Level.Trial)
  public void fill() throws IOException {
    dir = Files.createTempDirectory("dx-store-query-bench");
    store = SqliteStore.open(dir, StoreSettings.defaults());
    for (int r = 0; r < reports; r++) {
      List<TestCaseOutcome> list = new ArrayList<>(cases);
      for (int i = 0; i < cases; i++) {
        TestResult result =
            i % 100 == 0
                ? TestResult.FLAKY
                : i % 100 == 1 && r % 2 == 0 ? TestResult.FAILED : TestResult.PASSED;
        list.add(
            new TestCaseOutcome(
                "suite" + i % 20, "pkg.Class" + i % 500, "test" + i, result, i % 97 / 10.0, 0));
      }
      long flaky = cases / 100;
      long failed = r % 2 == 0 ? cases / 100 : 0;
      TestCounts counts = new TestCounts(cases - flaky - failed, failed, 0, 0, flaky);
      ReportMeta meta =
          new ReportMeta(
              "bench",
              "tests",
              "r" + r,
              "unit",
              "junit",
              "main",
              "c" + r % 5,
              null,
              T0.plusSeconds(r * 60L));
      store.saveTestReport(
          meta,
          list.iterator(),
          () ->
              new TestReportSummary(
                  new TestAggregates(counts, cases, 60),
                  List.of(new SuiteDuration("all", 60, cases))));
    }
  }

  @TearDown(Level.Trial)
  public void remove() throws IOException {
    store.close();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  @Benchmark
  public FlakyRatio flakyRatio() {
    return store.flakyRatio("bench", T0, T0.plusSeconds(reports * 60L));
  }

  @Benchmark
  public List<FlakyTest> flakyTests() {
    return store.flakyTests("bench", T0, T0.plusSeconds(reports * 60L), 20);
  }

  @Benchmark
  public List<TestReport> latestTestReports() {
    return store.latestTestReports("bench");
  }

  @Benchmark
  public List<SlowTest> slowestTests() {
    return store.slowestTests("bench", "unit", 20);
  }

  @Benchmark
  public StoreStats stats() {
    return store.stats();
  }
}
