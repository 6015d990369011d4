package dev.dxexporter.ingest;

import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * For {@code bench/benchmark-regression.sh}: feeds JMH {@code -rf json} results, in order, through
 * the real ingestion path (a project on branch main whose configured report file is rewritten by
 * each run, the benchmarks collector, the SQLite store) and prints each run's verdict as exported.
 *
 * <p>Usage: {@code RegressionDemo <work dir> <result.json>...}
 */
public final class RegressionDemo {
  private RegressionDemo() {}

  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    Path project = work.resolve("project");
    Files.createDirectories(project.resolve(".git"));
    Files.writeString(project.resolve(".git/HEAD"), "ref: refs/heads/main\n");
    Files.createDirectories(project.resolve("bench"));
    IngestCounters counters = new IngestCounters();
    try (Store store = SqliteStore.open(work.resolve("data"), StoreSettings.defaults())) {
      BenchmarkCollector collector =
          new BenchmarkCollector(
              "demo",
              project,
              List.of(new BenchmarkSpec("jmh", List.of("bench/jmh.json"), BenchmarkFormat.JMH)),
              false,
              64L << 20,
              RegressionSettings.DEFAULT,
              () -> store,
              Clock.systemUTC(),
              counters);
      System.out.printf(
          Locale.ROOT,
          "%-14s %12s %8s %10s %10s %s%n",
          "run",
          "mean (us/op)",
          "samples",
          "change",
          "regressed",
          "verdict available");
      for (int i = 1; i < args.length; i++) {
        Path result = Path.of(args[i]);
        Files.copy(result, project.resolve("bench/jmh.json"), StandardCopyOption.REPLACE_EXISTING);
        Map<String, Double> m = BenchmarkIngestionTest.byKey(collector.collect());
        String name = "dev.dxexporter.ingest.bench.RegressionDemoBenchmark.work";
        String labels = "{benchmark=" + name + ", project=demo}";
        Double mean =
            m.get("dx_benchmark_seconds{benchmark=" + name + ", project=demo, statistic=mean}");
        Double change = m.get("dx_benchmark_performance_change_ratio" + labels);
        Double regressed = m.get("dx_benchmark_regressed" + labels);
        System.out.printf(
            Locale.ROOT,
            "%-14s %12.3f %8s %10s %10s %s%n",
            result.getFileName(),
            mean == null ? Double.NaN : mean * 1e6,
            samples(result),
            change == null ? "-" : String.format(Locale.ROOT, "%+.2f %%", change * 100),
            regressed == null ? "-" : String.valueOf(regressed.intValue()),
            m.get("dx_benchmark_verdict_available" + labels).intValue());
      }
    }
  }

  private static int samples(Path jmhJson) throws Exception {
    var tree = new com.fasterxml.jackson.databind.ObjectMapper().readTree(jmhJson.toFile());
    int n = 0;
    for (var fork : tree.get(0).at("/primaryMetric/rawData")) {
      n += fork.size();
    }
    return n;
  }
}
