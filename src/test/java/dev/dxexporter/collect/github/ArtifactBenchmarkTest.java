package dev.dxexporter.collect.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.collect.bench.BenchmarkDiscovery;
import dev.dxexporter.ingest.BenchmarkCollector;
import dev.dxexporter.ingest.BenchmarkSpec;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.RegressionSettings;
import dev.dxexporter.metrics.Sample;
import dev.dxexporter.store.BenchmarkReport;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Benchmark files inside run artifacts (a criterion tree, a JMH JSON file) go through the benchmark
 * readers and show in the project's benchmark collector exactly as the same files read from disk
 * do. Fixtures: criterion output of ai-2070/net and github-action-benchmark's JMH input, zipped in
 * the test.
 */
class ArtifactBenchmarkTest {
  private static final Path RES = Path.of("src/test/resources/bench");
  private static final Path CRITERION = RES.resolve("criterion/net/target/criterion");
  private static final Path JMH =
      RES.resolve("github-action-benchmark/test/data/extract/jmh_output.json");

  @TempDir Path tmp;
  private ArtifactRuns runs;

  @BeforeEach
  void start() throws Exception {
    runs = new ArtifactRuns(tmp.resolve("data"));
  }

  @AfterEach
  void stop() {
    runs.close();
  }

  /** The files under {@code dir}, by path relative to it, as upload-artifact zips a directory. */
  static Map<String, byte[]> tree(Path dir) throws Exception {
    Map<String, byte[]> entries = new TreeMap<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        entries.put(dir.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
      }
    }
    return entries;
  }

  private BenchmarkCollector collector(
      Path root, List<BenchmarkSpec> specs, boolean discover, Store store) {
    return new BenchmarkCollector(
        "p",
        root,
        specs,
        discover,
        64L << 20,
        RegressionSettings.DEFAULT,
        () -> store,
        runs.h.clock,
        new IngestCounters());
  }

  private static Map<String, Double> benchmarkSeries(List<Sample> samples) {
    return samples.stream()
        .filter(s -> s.family().name().startsWith("dx_benchmark_"))
        .map(Sample.Scalar.class::cast)
        .collect(
            Collectors.toMap(
                s -> s.family().name() + s.labels(),
                Sample.Scalar::value,
                (a, b) -> a,
                LinkedHashMap::new));
  }

  @Test
  void criterionAndJmhArtifactsShowAsTheSameFilesOnDiskDo() throws Exception {
    Map<String, byte[]> jmh = new LinkedHashMap<>();
    jmh.put("jmh_output.json", Files.readAllBytes(JMH));
    jmh.put("README.txt", "not a report".getBytes());
    runs.run(42, "a".repeat(40), "success", Map.of("criterion", Zips.of(tree(CRITERION))));
    runs.run(43, "b".repeat(40), "success", Map.of("bench-jmh", Zips.of(jmh)));
    runs.ingest(List.of("criterion", "bench-*"));

    List<BenchmarkReport> stored = runs.store.latestBenchmarkReports("p");
    assertThat(stored)
        .extracting(r -> r.meta().reportName(), r -> r.meta().format())
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("criterion", "criterion"),
            org.assertj.core.groups.Tuple.tuple("bench-jmh", "jmh"));
    assertThat(stored)
        .filteredOn(r -> r.meta().reportName().equals("criterion"))
        .singleElement()
        .satisfies(r -> assertThat(r.meta().commit()).isEqualTo("a".repeat(40)));
    List<Sample> shown = collector(tmp.resolve("empty"), List.of(), false, runs.store).collect();
    Map<String, Double> fromArtifacts = benchmarkSeries(shown);
    long benchmarks =
        shown.stream()
            .filter(s -> s.labels().containsKey("benchmark"))
            .map(s -> s.labels().get("benchmark"))
            .distinct()
            .count();

    // The same files on disk, read by the benchmark collector itself.
    Path root = tmp.resolve("project");
    Files.createDirectories(root.resolve("target"));
    for (Map.Entry<String, byte[]> e : tree(CRITERION).entrySet()) {
      Path f = root.resolve("target/criterion").resolve(e.getKey());
      Files.createDirectories(f.getParent());
      Files.write(f, e.getValue());
    }
    Files.copy(JMH, root.resolve("jmh_output.json"));
    Map<String, Double> fromDisk;
    try (Store disk = SqliteStore.open(tmp.resolve("disk"), StoreSettings.defaults())) {
      fromDisk =
          benchmarkSeries(
              collector(
                      root,
                      List.of(new BenchmarkSpec("bench-jmh", List.of("jmh_output.json"), null)),
                      true,
                      disk)
                  .collect());
    }
    int criterionBenchmarks = BenchmarkDiscovery.criterionDirectories(root).size();
    assertThat(criterionBenchmarks).isGreaterThan(1);
    // Every criterion benchmark directory and every JMH result of the fixture is shown.
    int jmhResults = GitHubFixtures.tree(Files.readAllBytes(JMH)).size();
    assertThat(benchmarks).isEqualTo(criterionBenchmarks + jmhResults);
    assertThat(fromDisk).isNotEmpty();
    assertThat(fromArtifacts).isEqualTo(fromDisk);
  }
}
