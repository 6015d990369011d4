package dev.dxexporter.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dxexporter.collect.bench.ActionBenchmarkReaders;
import dev.dxexporter.collect.bench.BenchmarkFormat;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark results found on disk, through the collector, into the real store and back out as
 * samples: criterion's estimates and its own verdict, pytest-benchmark autosaves, the same bytes
 * stored once, a rewritten file a new report, and a broken file or benchmark named, counted and
 * skipped while the rest is shown.
 */
class BenchmarkIngestionTest {
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

  private BenchmarkCollector collector(Path root, List<BenchmarkSpec> reports, boolean discover) {
    return new BenchmarkCollector(
        "p",
        root,
        reports,
        discover,
        ActionBenchmarkReaders.DEFAULT_MAX_BYTES, // BenchmarkSource's default
        RegressionSettings.DEFAULT,
        this::store,
        Clock.systemUTC(),
        counters);
  }

  static Map<String, Double> byKey(List<Sample> samples) {
    return samples.stream()
        .collect(
            Collectors.toMap(
                s -> s.family().name() + s.labels(), s -> ((Sample.Scalar) s).value()));
  }

  /** The key of {@link #byKey}: the family and its labels in name order. */
  static String key(String family, String... pairs) {
    Map<String, String> labels = new java.util.TreeMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      labels.put(pairs[i], pairs[i + 1]);
    }
    return family + labels;
  }

  private static double fileCount(Map<String, Double> m, String outcome) {
    return m.get(
        key(
            "dx_reports_ingested_total",
            "project",
            "p",
            "source",
            "benchmarks",
            "via",
            "file",
            "outcome",
            outcome));
  }

  private static double refused(Map<String, Double> m) {
    return m.get(
        key("dx_reports_refused_total", "project", "p", "source", "benchmarks", "via", "file"));
  }

  private static String bench(String family, String benchmark, String... more) {
    String[] pairs = new String[4 + more.length];
    pairs[0] = "project";
    pairs[1] = "p";
    pairs[2] = "benchmark";
    pairs[3] = benchmark;
    System.arraycopy(more, 0, pairs, 4, more.length);
    return key(family, pairs);
  }

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : walk.toList()) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  void aDiscoveredCriterionDirectoryShowsItsEstimatesAndCriterionsOwnVerdictOnce()
      throws Exception {
    Path project = tmp.resolve("project");
    copyTree(CRITERION, project.resolve("target/criterion"));
    BenchmarkCollector c = collector(project, List.of(), true);

    Map<String, Double> first = byKey(c.collect());
    Map<String, Double> second = byKey(c.collect());

    var estimates =
        new ObjectMapper().readTree(CRITERION.resolve("big_file_tail/new/estimates.json").toFile());
    var change =
        new ObjectMapper()
            .readTree(CRITERION.resolve("big_file_tail/change/estimates.json").toFile());
    String b = "big_file_tail";
    assertThat(first.get(bench("dx_benchmark_seconds", b, "statistic", "mean")))
        .isCloseTo(
            estimates.at("/mean/point_estimate").asDouble() * 1e-9,
            org.assertj.core.data.Offset.offset(1e-15));
    assertThat(first).containsKey(bench("dx_benchmark_seconds", b, "statistic", "p95"));
    // criterion: the change's mean interval [-5.8 %, -0.1 %] is inside the ±1 % noise line.
    assertThat(first.get(bench("dx_benchmark_verdict_available", b))).isEqualTo(1.0);
    assertThat(first.get(bench("dx_benchmark_regressed", b))).isEqualTo(0.0);
    assertThat(first.get(bench("dx_benchmark_performance_change_ratio", b)))
        .isEqualTo(-change.at("/mean/point_estimate").asDouble());
    assertThat(fileCount(second, "stored")).isEqualTo(1.0);
    assertThat(second).isEqualTo(first);
  }

  @Test
  void aBenchmarkBeingWrittenIsNamedAndCountedWhileTheOthersAreStored() throws Exception {
    Path project = tmp.resolve("project");
    Path criterion = project.resolve("target/criterion");
    copyTree(CRITERION, criterion);
    copyTree(CRITERION.resolve("big_file_tail"), criterion.resolve("half_written"));
    Path estimates = criterion.resolve("half_written/new/estimates.json");
    String text = Files.readString(estimates);
    Files.writeString(estimates, text.substring(0, text.length() / 2)); // criterion mid-write

    Map<String, Double> m = byKey(collector(project, List.of(), true).collect());

    assertThat(refused(m)).isEqualTo(1.0);
    assertThat(fileCount(m, "stored")).isEqualTo(1.0);
    assertThat(m).containsKey(bench("dx_benchmark_regressed", "big_file_tail"));
    assertThat(m.keySet()).noneMatch(k -> k.contains("half_written"));
  }

  @Test
  void pytestAutosavesAreOneReportNameInCounterOrderAndUnjudgedWithoutEnoughData()
      throws Exception {
    Path project = tmp.resolve("project");
    Path machine = project.resolve(".benchmarks/Linux-CPython-3.11-64bit");
    Files.createDirectories(machine);
    Files.copy(EXTRACT.resolve("pytest_output.json"), machine.resolve("0001_first.json"));
    Files.copy(EXTRACT.resolve("pytest_output.json"), machine.resolve("0002_second.json"));
    Files.writeString(
        machine.resolve("0002_second.json"), "\n", java.nio.file.StandardOpenOption.APPEND);

    Map<String, Double> m = byKey(collector(project, List.of(), true).collect());

    assertThat(fileCount(m, "stored")).isEqualTo(2.0);
    assertThat(m)
        .containsKey(
            key("dx_benchmark_report_timestamp_seconds", "project", "p", "report", "pytest"));
    String fib = "bench.py::test_fib_10";
    // One earlier run of 0 to 10 rounds' samples is not enough for a verdict: said, not guessed.
    assertThat(m.get(bench("dx_benchmark_verdict_available", fib))).isEqualTo(0.0);
    assertThat(m).doesNotContainKeys(bench("dx_benchmark_regressed", fib));
    assertThat(m).doesNotContainKeys(bench("dx_benchmark_performance_change_ratio", fib));
  }

  @Test
  void aBrokenFileIsRefusedAndCountedTheOthersCarryOnAndARewriteIsANewReport() throws Exception {
    Path project = tmp.resolve("project");
    Files.createDirectories(project.resolve("bench"));
    Files.copy(EXTRACT.resolve("jmh_output.json"), project.resolve("bench/jmh.json"));
    String go = Files.readString(EXTRACT.resolve("go_output.txt"));
    Files.writeString(project.resolve("bench/truncated.json"), "[{\"benchmark\": \"x\", \"pri");
    Files.writeString(project.resolve("bench/go.txt"), go);
    BenchmarkCollector c =
        collector(
            project,
            List.of(
                new BenchmarkSpec("jmh", List.of("bench/jmh.json"), BenchmarkFormat.JMH),
                new BenchmarkSpec("broken", List.of("bench/truncated.json"), BenchmarkFormat.JMH),
                new BenchmarkSpec("go", List.of("bench/go.txt"), null)),
            false);

    Map<String, Double> m = byKey(c.collect());
    assertThat(refused(byKey(c.collect()))).as("refused once, not on every scan").isEqualTo(1.0);
    Files.writeString(project.resolve("bench/go.txt"), go + "\n");
    Map<String, Double> rewritten = byKey(c.collect());

    assertThat(refused(m)).isEqualTo(1.0);
    assertThat(fileCount(m, "stored")).isEqualTo(2.0);
    assertThat(m.keySet()).anyMatch(k -> k.startsWith("dx_benchmark_seconds{"));
    assertThat(fileCount(rewritten, "stored")).isEqualTo(3.0);
  }

  /**
   * Numbers no benchmark can have, and a file over the size limit: each file is refused with its
   * name and counted, nothing of it becomes a sample, and the good file beside it is stored.
   */
  @Test
  void impossibleNumbersAndOversizedFilesAreRefusedAndNeverBecomeSamples() throws Exception {
    Path project = tmp.resolve("project");
    Files.createDirectories(project.resolve("bench"));
    Files.copy(EXTRACT.resolve("jmh_output.json"), project.resolve("bench/jmh.json"));
    Files.writeString(
        project.resolve("bench/negative.json"),
        "[{\"name\": \"parse\", \"unit\": \"ns/iter\", \"value\": -12.5}]");
    Files.writeString(
        project.resolve("bench/nan.json"),
        "[{\"name\": \"parse\", \"unit\": \"ns/iter\", \"value\": NaN}]");
    Files.writeString(
        project.resolve("bench/infinite.json"),
        "[{\"name\": \"parse\", \"unit\": \"ns/iter\", \"value\": 1e999}]");
    Files.writeString(project.resolve("bench/huge.json"), "[" + " ".repeat(8 << 20) + "]");
    BenchmarkFormat custom = BenchmarkFormat.CUSTOM_SMALLER_IS_BETTER;
    BenchmarkCollector c =
        collector(
            project,
            List.of(
                new BenchmarkSpec("jmh", List.of("bench/jmh.json"), BenchmarkFormat.JMH),
                new BenchmarkSpec("negative", List.of("bench/negative.json"), custom),
                new BenchmarkSpec("nan", List.of("bench/nan.json"), custom),
                new BenchmarkSpec("infinite", List.of("bench/infinite.json"), custom),
                new BenchmarkSpec("huge", List.of("bench/huge.json"), custom)),
            false);

    List<Sample> samples = c.collect();
    Map<String, Double> m = byKey(samples);
    assertThat(refused(m)).isEqualTo(4.0);
    assertThat(fileCount(m, "stored")).isEqualTo(1.0);
    assertThat(m.keySet()).noneMatch(k -> k.contains("benchmark=parse"));
    assertThat(samples)
        .filteredOn(x -> x instanceof Sample.Scalar)
        .allSatisfy(x -> assertThat(((Sample.Scalar) x).value()).isFinite());
  }
}
