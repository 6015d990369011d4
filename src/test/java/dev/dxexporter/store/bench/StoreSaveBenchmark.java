package dev.dxexporter.store.bench;

import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.SuiteDuration;
import dev.dxexporter.store.TestAggregates;
import dev.dxexporter.store.TestCaseOutcome;
import dev.dxexporter.store.TestCounts;
import dev.dxexporter.store.TestReportSummary;
import dev.dxexporter.store.TestResult;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Saving one 1,000,000-case test report into a fresh store, under a 32 MB heap: the cases are
 * streamed and batched, never held (the run would die with OutOfMemoryError otherwise). Prints the
 * peak heap used, the rows/s and the database size. Run:
 *
 * <pre>
 * java -cp target/test-classes:target/classes:$(cat cp.txt) org.openjdk.jmh.Main StoreSaveBenchmark
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(
    value = 1,
    jvmArgsAppend = {"-Xmx32m", "-Xms32m"})
@Warmup(iterations = 1)
@Measurement(iterations = 3)
public class StoreSaveBenchmark {
  static final int CASES = 1_000_000;
  private static final TestResult[] RESULTS = TestResult.values();

  private Path dir;
  private Store store;
  private int round;
  private long started;

  @Setup(Level.Iteration)
  public void open() throws IOException {
    dir = Files.createTempDirectory("dx-store-bench");
    store = SqliteStore.open(dir, StoreSettings.defaults().withMaxCaseRows(10 * CASES));
    round++;
    started = System.nanoTime();
  }

  @Benchmark
  public SaveOutcome saveMillionCases() {
    ReportMeta meta =
        new ReportMeta(
            "bench", "tests", "round-" + round, "unit", "junit", "main", "c", "r", Instant.now());
    return store.saveTestReport(meta, cases(), StoreSaveBenchmark::summary);
  }

  @TearDown(Level.Iteration)
  public void close() throws IOException {
    double seconds = (System.nanoTime() - started) / 1e9;
    long bytes = store.stats().sizeOnDiskBytes();
    store.close();
    System.out.printf(
        "%n%,d cases in %.2f s = %,.0f rows/s; database %,d MB; peak heap used %,d MB%n",
        CASES, seconds, CASES / seconds, bytes >> 20, peakHeapBytes() >> 20);
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  static Iterator<TestCaseOutcome> cases() {
    return new Iterator<>() {
      int i;

      @Override
      public boolean hasNext() {
        return i < CASES;
      }

      @Override
      public TestCaseOutcome next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int n = i++;
        return new TestCaseOutcome(
            "suite-" + n % 100,
            "com.example.module" + n % 100 + ".SomeFeatureTest" + n % 1000,
            "handlesCase" + n + "()",
            RESULTS[n % RESULTS.length],
            (n % 5000) / 1000.0,
            0);
      }
    };
  }

  static TestReportSummary summary() {
    long each = CASES / RESULTS.length;
    return new TestReportSummary(
        new TestAggregates(new TestCounts(each, each, each, each, each), CASES, 1234.5),
        List.of(new SuiteDuration("all", 1234.5, CASES)));
  }

  private static long peakHeapBytes() {
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    return peak;
  }
}
