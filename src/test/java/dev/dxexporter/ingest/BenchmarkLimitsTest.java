package dev.dxexporter.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.bench.ActionBenchmarkReaders;
import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.collect.bench.CriterionDirectoryReader;
import dev.dxexporter.collect.bench.Regression;
import dev.dxexporter.collect.bench.RegressionPolicy;
import dev.dxexporter.collect.input.InputException;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The limits that keep benchmark reports within the heap (bench/parse-heap-reports.sh,
 * HeapCapReportsIT) through the real collector and store: a file over its cap or a report of more
 * benchmarks than the limit is refused, named and counted, and the rest is stored.
 */
class BenchmarkLimitsTest {
  private static final Path CRITERION =
      Path.of("src/test/resources/bench/criterion/regtail/target/criterion");
  private static final Path EXTRACT =
      Path.of("src/test/resources/bench/github-action-benchmark/test/data/extract");

  @TempDir Path tmp;
  private Store store;
  private final IngestCounters counters = new IngestCounters();

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private Store store() {
    if (store == null) {
      store = SqliteStore.open(tmp.resolve("data"), StoreSettings.defaults());
    }
    return store;
  }

  private BenchmarkCollector collector(Path root, List<BenchmarkSpec> reports) {
    return new BenchmarkCollector(
        "p",
        root,
        reports,
        false,
        ActionBenchmarkReaders.DEFAULT_MAX_BYTES, // BenchmarkSource's default
        RegressionSettings.DEFAULT,
        this::store,
        Clock.systemUTC(),
        counters);
  }

  private static Map<String, Double> byKey(List<dev.dxexporter.metrics.Sample> samples) {
    return BenchmarkIngestionTest.byKey(samples);
  }

  private static double refused(Map<String, Double> m) {
    return m.get(
        BenchmarkIngestionTest.key(
            "dx_reports_refused_total", "project", "p", "source", "benchmarks", "via", "file"));
  }

  private static double stored(Map<String, Double> m) {
    return m.get(
        BenchmarkIngestionTest.key(
            "dx_reports_ingested_total",
            "project",
            "p",
            "source",
            "benchmarks",
            "via",
            "file",
            "outcome",
            "stored"));
  }

  /**
   * The caps that keep a benchmark file within the heap (bench/parse-heap-reports.sh): a criterion
   * file over 2 MiB costs only its benchmark, console output over 2 MiB its report; both counted.
   */
  @Test
  void aCriterionFileOrConsoleOutputOverItsCapIsRefusedAndCountedTheRestIsStored()
      throws Exception {
    Path project = tmp.resolve("project");
    Path criterion = project.resolve("target/criterion");
    BenchmarkIngestionTest.copyTree(CRITERION, criterion);
    BenchmarkIngestionTest.copyTree(
        CRITERION.resolve("big_file_tail"), criterion.resolve("padded"));
    Path sample = criterion.resolve("padded/new/sample.json");
    String json = Files.readString(sample);
    Files.writeString(
        sample,
        json + " ".repeat((int) CriterionDirectoryReader.DEFAULT_MAX_BYTES - json.length() + 1));
    Files.createDirectories(project.resolve("bench"));
    String go = Files.readString(EXTRACT.resolve("go_output.txt"));
    Files.writeString(
        project.resolve("bench/go.txt"),
        go.repeat((int) (ActionBenchmarkReaders.MAX_CONSOLE_BYTES / go.length()) + 1));
    BenchmarkCollector c =
        collector(
            project,
            List.of(
                new BenchmarkSpec(
                    "criterion", List.of("target/criterion"), BenchmarkFormat.CRITERION),
                new BenchmarkSpec("go", List.of("bench/go.txt"), BenchmarkFormat.GO)));

    Map<String, Double> m = byKey(c.collect());

    assertThat(refused(m)).isEqualTo(2.0);
    assertThat(stored(m)).isEqualTo(1.0);
    assertThat(m)
        .containsKey(
            BenchmarkIngestionTest.key(
                "dx_benchmark_regressed", "project", "p", "benchmark", "big_file_tail"));
    assertThat(m.keySet()).noneMatch(k -> k.contains("BenchmarkFib"));
  }

  @Test
  void reportsOfMoreBenchmarksThanTheLimitAreRefusedAndCountedOneAtTheLimitIsStored()
      throws Exception {
    Path project = tmp.resolve("project");
    Files.createDirectories(project.resolve("bench"));
    StringBuilder go = new StringBuilder("goos: linux\npkg: example.com/app\n");
    for (int i = 0; i < BenchmarkIngester.MAX_BENCHMARKS; i++) {
      go.append("BenchmarkWork").append(i).append("-8   \t 5000000\t  325 ns/op\n");
    }
    Files.writeString(project.resolve("bench/at.txt"), go);
    Files.writeString(
        project.resolve("bench/over.txt"), go + "BenchmarkOneMore-8 \t 10\t 3 ns/op\n");
    Path estimates = CRITERION.resolve("big_file_tail/new/estimates.json");
    for (int i = 0; i <= BenchmarkIngester.MAX_BENCHMARKS; i++) { // refused before any is read
      Path dir = Files.createDirectories(project.resolve("many/target/criterion/b" + i + "/new"));
      Files.copy(estimates, dir.resolve("estimates.json"));
    }
    BenchmarkCollector c =
        collector(
            project,
            List.of(
                new BenchmarkSpec("at", List.of("bench/at.txt"), BenchmarkFormat.GO),
                new BenchmarkSpec("over", List.of("bench/over.txt"), BenchmarkFormat.GO),
                new BenchmarkSpec(
                    "many", List.of("many/target/criterion"), BenchmarkFormat.CRITERION)));

    Map<String, Double> m = byKey(c.collect());

    assertThat(refused(m)).isEqualTo(2.0);
    assertThat(stored(m)).isEqualTo(1.0);
    assertThat(m.keySet()).noneMatch(k -> k.contains("OneMore"));
    ReportMeta meta =
        new ReportMeta(
            "p", "benchmarks", "id", "many", "criterion", null, null, null, Instant.now());
    BenchmarkIngester ingester =
        new BenchmarkIngester(
            ActionBenchmarkReaders.DEFAULT_MAX_BYTES, new Regression(RegressionPolicy.DEFAULT));
    Path many = project.resolve("many/target/criterion");
    assertThatThrownBy(() -> ingester.ingestCriterion(store(), meta, many))
        .isInstanceOf(InputException.class)
        .hasMessage(
            many
                + ": 2001 benchmarks in one report, more than the limit of 2000 (each is a row and"
                + " several series on every scrape)");
  }
}
