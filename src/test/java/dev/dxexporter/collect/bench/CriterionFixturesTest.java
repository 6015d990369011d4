package dev.dxexporter.collect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The three real criterion trees, every benchmark compared with the numbers in its own JSON files
 * (read here with a plain ObjectMapper): id from benchmark.json, point estimates and intervals from
 * estimates.json (ns → s), samples from sample.json (times / iters), throughput from the declared
 * elements over the typical time, change estimates from change/estimates.json, every baseline
 * directory beside new/.
 */
class CriterionFixturesTest {
  static final Path FIXTURES = Path.of("src/test/resources/bench/criterion");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final CriterionDirectoryReader reader = new CriterionDirectoryReader();

  @ParameterizedTest
  @ValueSource(strings = {"regtail", "deduplicate", "net"})
  void everyBenchmarkMatchesItsFiles(String fixture) throws Exception {
    Path root = FIXTURES.resolve(fixture).resolve("target/criterion");
    CriterionReport report = reader.readTree(root);
    assertThat(report.errors()).isEmpty();
    List<Path> expectedDirs;
    try (Stream<Path> walk = Files.walk(root)) {
      expectedDirs =
          walk.filter(p -> p.endsWith("new/estimates.json"))
              .map(p -> p.getParent().getParent())
              .sorted()
              .toList();
    }
    assertThat(report.benchmarks())
        .extracting(CriterionBenchmark::directory)
        .isEqualTo(expectedDirs);
    for (CriterionBenchmark b : report.benchmarks()) {
      check(b);
    }
  }

  private static void check(CriterionBenchmark b) throws IOException {
    Path dir = b.directory();
    JsonNode id = read(dir.resolve("new/benchmark.json"));
    assertThat(b.id().fullId()).isEqualTo(id.get("full_id").asText());
    assertThat(b.latest().name()).isEqualTo(id.get("full_id").asText());
    assertThat(b.id().groupId()).isEqualTo(id.get("group_id").asText());
    assertThat(b.id().fromDirectory()).isFalse();
    checkRun(b.latest(), dir.resolve("new"), id);

    Set<String> baselines = new TreeSet<>();
    try (Stream<Path> children = Files.list(dir)) {
      children
          .filter(p -> Files.isRegularFile(p.resolve("estimates.json")))
          .map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("new") && !n.equals("change"))
          .forEach(baselines::add);
    }
    assertThat(b.baselines().keySet()).isEqualTo(baselines);
    for (String name : baselines) {
      checkRun(b.baselines().get(name), dir.resolve(name), id);
    }

    Path change = dir.resolve("change/estimates.json");
    if (!Files.exists(change)) {
      assertThat(b.change()).isNull();
      return;
    }
    JsonNode c = read(change);
    for (String statistic : new String[] {"mean", "median"}) {
      ChangeEstimate actual = statistic.equals("mean") ? b.change().mean() : b.change().median();
      JsonNode expected = c.get(statistic);
      assertThat(actual.pointEstimate()).isEqualTo(expected.get("point_estimate").asDouble());
      assertThat(actual.standardError()).isEqualTo(expected.get("standard_error").asDouble());
      JsonNode ci = expected.get("confidence_interval");
      assertThat(actual.interval())
          .isEqualTo(
              new ConfidenceInterval(
                  ci.get("lower_bound").asDouble(),
                  ci.get("upper_bound").asDouble(),
                  ci.get("confidence_level").asDouble()));
    }
    assertThat(b.change().current()).isTrue();
    // After a plain `cargo bench` criterion copies new/ over the saved baseline: every baseline
    // here either is that copy or an older one, and none reproduces the change, so the baseline
    // compared against is gone (its samples were the previous run's).
    assertThat(b.change().baseline()).isNull();
  }

  private static void checkRun(BenchmarkResult r, Path runDir, JsonNode id) throws IOException {
    JsonNode est = read(runDir.resolve("estimates.json"));
    JsonNode sample = read(runDir.resolve("sample.json"));
    boolean linear = !est.get("slope").isNull();
    assertThat(sample.get("sampling_mode").asText()).isEqualTo(linear ? "Linear" : "Flat");
    JsonNode typical = linear ? est.get("slope") : est.get("mean");
    assertThat(r.format()).isEqualTo(BenchmarkFormat.CRITERION);
    assertThat(r.isTime()).isTrue();
    assertThat(r.primary().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
    assertThat(r.primary().value()).isEqualTo(typical.get("point_estimate").asDouble() * 1e-9);
    assertThat(r.seconds().get(Statistic.MEAN))
        .isEqualTo(est.get("mean").get("point_estimate").asDouble() * 1e-9);
    assertThat(r.seconds().get(Statistic.MEDIAN))
        .isEqualTo(est.get("median").get("point_estimate").asDouble() * 1e-9);
    assertThat(r.seconds().get(Statistic.STDDEV))
        .isEqualTo(est.get("std_dev").get("point_estimate").asDouble() * 1e-9);
    assertThat(r.seconds().containsKey(Statistic.SLOPE)).isEqualTo(linear);
    JsonNode ci = typical.get("confidence_interval");
    assertThat(r.interval().lower()).isEqualTo(ci.get("lower_bound").asDouble() * 1e-9);
    assertThat(r.interval().upper()).isEqualTo(ci.get("upper_bound").asDouble() * 1e-9);
    assertThat(r.interval().level()).isEqualTo(ci.get("confidence_level").asDouble());

    JsonNode iters = sample.get("iters");
    JsonNode times = sample.get("times");
    double[] values = r.samples().values();
    assertThat(values).hasSize(iters.size());
    double min = Double.MAX_VALUE;
    for (int i = 0; i < values.length; i++) {
      double perIteration = times.get(i).asDouble() / iters.get(i).asDouble() * 1e-9;
      assertThat(values[i]).isCloseTo(perIteration, within(1e-15 * perIteration));
      min = Math.min(min, perIteration);
    }
    assertThat(r.seconds().get(Statistic.MIN)).isCloseTo(min, within(1e-15 * min));
    // Percentiles only where the sample supports them: p95 from 20 values, p99 from 100.
    assertThat(r.seconds().containsKey(Statistic.P95)).isEqualTo(values.length >= 20);
    assertThat(r.seconds().containsKey(Statistic.P99)).isEqualTo(values.length >= 100);
    assertThat(r.seconds().get(Statistic.P90))
        .isBetween(r.seconds().get(Statistic.MIN), r.seconds().get(Statistic.MAX));

    JsonNode throughput = id.get("throughput");
    if (throughput.isNull()) {
      assertThat(r.throughput()).isNull();
    } else {
      double elements = throughput.get("Elements").asDouble();
      assertThat(r.throughput().unit()).isEqualTo(Units.ELEMENTS_PER_SECOND);
      assertThat(r.throughput().value())
          .isCloseTo(elements / (typical.get("point_estimate").asDouble() * 1e-9), within(1e-6));
    }
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }
}
