package dev.dxexporter.ingest.heap;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.ingest.BenchmarkCollector;
import dev.dxexporter.ingest.BenchmarkSpec;
import dev.dxexporter.ingest.BuildCollector;
import dev.dxexporter.ingest.CoverageCollector;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.RegressionSettings;
import dev.dxexporter.ingest.ReportSpec;
import dev.dxexporter.ingest.TestInsights;
import dev.dxexporter.ingest.TestReportCollector;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * {@code ReportHeapProbe write FORMAT DIR [BYTES]} writes the largest accepted report of {@code
 * FORMAT} ({@link ReportCapFiles}, {@link BenchCapFiles}; or one of {@code BYTES}) into project
 * {@code DIR}; {@code ReportHeapProbe read FORMAT DIR} runs the collector the daemon would run over
 * it once (reader, then the SQLite store in {@code DIR/data}) and prints whether it was taken in,
 * the time and the heap pools' peak. Run in a child JVM with a small {@code -Xmx} by {@code
 * bench/parse-heap-reports.sh}; exit status 0 only when the report was taken in.
 */
public final class ReportHeapProbe {
  private ReportHeapProbe() {}

  public static void main(String[] args) throws Exception {
    String format = args[1];
    Path dir = Path.of(args[2]);
    if (args[0].equals("write")) {
      long asked = args.length > 3 ? Long.parseLong(args[3]) : 0;
      System.out.println(
          ReportCapFiles.FORMATS.contains(format)
              ? ReportCapFiles.write(format, dir, asked)
              : BenchCapFiles.write(format, dir, asked));
      return;
    }
    System.gc();
    List<MemoryPoolMXBean> heap =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP)
            .toList();
    heap.forEach(MemoryPoolMXBean::resetPeakUsage);
    long start = System.nanoTime();
    List<Sample> samples;
    try (Store store = SqliteStore.open(dir.resolve("data"), StoreSettings.defaults())) {
      samples = collector(format, dir, store).collect();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    boolean taken = takenIn(format, samples);
    System.out.printf(
        Locale.ROOT,
        "read=%s samples=%d ms=%d peak_heap_pools=%d%n",
        taken ? "ok" : "FAILED",
        samples.size(),
        millis,
        peak);
    System.exit(taken ? 0 : 1);
  }

  /** Stored and nothing refused; a build file has no store row, its unit series show it read. */
  private static boolean takenIn(String format, List<Sample> samples) {
    double refused = sum(samples, "dx_reports_refused_total", "");
    if (format.equals("ccache") || format.equals("sccache")) {
      return refused == 0
          && samples.stream().anyMatch(s -> s.family().name().equals("dx_build_cache_hits"));
    }
    if (format.equals("cargo-timings")) {
      return refused == 0
          && samples.stream()
              .anyMatch(s -> s.family().name().equals("dx_build_unit_duration_seconds"));
    }
    return refused == 0 && sum(samples, "dx_reports_ingested_total", "stored") >= 1;
  }

  private static double sum(List<Sample> samples, String family, String outcome) {
    return samples.stream()
        .filter(s -> s.family().name().equals(family))
        .filter(s -> outcome.isEmpty() || outcome.equals(s.labels().get("outcome")))
        .mapToDouble(s -> s instanceof Sample.Scalar scalar ? scalar.value() : 0)
        .sum();
  }

  private static Collector collector(String format, Path root, Store store) {
    IngestCounters counters = new IngestCounters();
    Clock clock = Clock.systemUTC();
    return switch (format) {
      case "junit" ->
          new TestReportCollector(
              "probe",
              root,
              List.of(new ReportSpec("junit", List.of("reports/*.xml"))),
              Duration.ofDays(14),
              ReportCapFiles.JUNIT_CAP,
              () -> store,
              clock,
              new TestInsights(),
              counters);
      case "lcov", "lcov-small", "cobertura", "jacoco" ->
          new CoverageCollector(
              "probe",
              root,
              List.of(new ReportSpec("coverage", List.of("coverage/*"))),
              ReportCapFiles.COVERAGE_CAP,
              () -> store,
              clock,
              counters);
      case "cargo-timings" ->
          new BuildCollector(
              "probe",
              root,
              List.of(new ReportSpec("build", List.of("target/cargo-timings/cargo-timing.html"))),
              List.of(),
              () -> store,
              counters);
      case "ccache" ->
          new BuildCollector(
              "probe",
              root,
              List.of(),
              List.of(new ReportSpec("ccache", List.of("ccache-stats.txt"))),
              () -> store,
              counters);
      case "sccache" ->
          new BuildCollector(
              "probe",
              root,
              List.of(),
              List.of(new ReportSpec("sccache", List.of("sccache-stats.json"))),
              () -> store,
              counters);
      default -> {
        BenchmarkFormat f =
            format.equals("criterion-sample")
                ? BenchmarkFormat.CRITERION
                : BenchmarkFormat.valueOf(
                    format.equals("googlecpp")
                        ? "GOOGLE_BENCHMARK"
                        : format.replace("-wide", "").toUpperCase(Locale.ROOT));
        String path = f == BenchmarkFormat.CRITERION ? "target/criterion" : "bench/out";
        yield new BenchmarkCollector(
            "probe",
            root,
            List.of(new BenchmarkSpec("bench", List.of(path), f)),
            false,
            BenchCapFiles.REPORT_CAP,
            RegressionSettings.DEFAULT,
            () -> store,
            clock,
            counters);
      }
    };
  }
}
