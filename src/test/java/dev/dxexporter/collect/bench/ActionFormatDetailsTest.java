package dev.dxexporter.collect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What the snapshot does not show: the normalised values (seconds per iteration, ops/s, bytes),
 * statistics, intervals, samples and memory, compared with the numbers in each input file (read
 * here with a plain ObjectMapper, or as printed in the text).
 */
class ActionFormatDetailsTest {
  private static final Path DATA = ActionBenchmarkSnapshotTest.DATA;
  private static final ObjectMapper JSON = new ObjectMapper();
  private final ActionBenchmarkReaders readers = new ActionBenchmarkReaders();

  private List<BenchmarkResult> read(String file) throws Exception {
    return readers.read(DATA.resolve(file));
  }

  private static JsonNode json(String file) throws Exception {
    return JSON.readTree(DATA.resolve(file).toFile());
  }

  @Test
  void pytestKeepsEveryStatisticInSeconds() throws Exception {
    JsonNode benches = json("pytest_several_units.json").get("benchmarks");
    List<BenchmarkResult> results = read("pytest_several_units.json");
    assertThat(results).hasSize(benches.size());
    for (int i = 0; i < results.size(); i++) {
      BenchmarkResult r = results.get(i);
      JsonNode stats = benches.get(i).get("stats");
      assertThat(r.isTime()).isTrue();
      assertThat(r.primary().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
      assertThat(r.primary().value()).isEqualTo(stats.get("mean").asDouble());
      assertThat(r.seconds())
          .containsEntry(Statistic.MEAN, stats.get("mean").asDouble())
          .containsEntry(Statistic.MEDIAN, stats.get("median").asDouble())
          .containsEntry(Statistic.STDDEV, stats.get("stddev").asDouble())
          .containsEntry(Statistic.MIN, stats.get("min").asDouble())
          .containsEntry(Statistic.MAX, stats.get("max").asDouble());
      assertThat(r.throughput()).isEqualTo(new Throughput(stats.get("ops").asDouble(), "ops/s"));
      assertThat(r.bytesPerOp()).isNull(); // pytest-benchmark measures no memory
      assertThat(r.details()).containsEntry("rounds", stats.get("rounds").asText());
    }
  }

  @Test
  void jmhThroughputWithIntervalAndRawData() throws Exception {
    JsonNode metric = json("jmh_output_2.json").get(0).get("primaryMetric");
    BenchmarkResult r = read("jmh_output_2.json").get(0);
    assertThat(r.primary())
        .isEqualTo(
            new Measurement(metric.get("score").asDouble(), "ops/s", Direction.HIGHER_IS_BETTER));
    assertThat(r.throughput().unit()).isEqualTo("ops/s");
    assertThat(r.seconds()).isEmpty();
    assertThat(r.interval())
        .isEqualTo(
            new ConfidenceInterval(
                metric.get("scoreConfidence").get(0).asDouble(),
                metric.get("scoreConfidence").get(1).asDouble(),
                0.999));
    JsonNode raw = metric.get("rawData").get(0);
    assertThat(r.samples().values())
        .containsExactly(raw.get(0).asDouble(), raw.get(1).asDouble(), raw.get(2).asDouble());
    assertThat(r.details()).containsEntry("mode", "thrpt").containsEntry("forks", "1");
  }

  @Test
  void benchmarkDotNetStatisticsSamplesAndDerivedConfidenceLevel() throws Exception {
    JsonNode b = json("benchmarkdotnet.json").get("Benchmarks").get(0);
    JsonNode stats = b.get("Statistics");
    BenchmarkResult r = read("benchmarkdotnet.json").get(0);
    assertThat(r.primary().value()).isEqualTo(stats.get("Mean").asDouble() * 1e-9);
    assertThat(r.seconds().get(Statistic.P95))
        .isEqualTo(stats.get("Percentiles").get("P95").asDouble() * 1e-9);
    assertThat(r.samples().size()).isEqualTo(stats.get("N").asInt());
    assertThat(r.interval().lower())
        .isEqualTo(stats.get("ConfidenceInterval").get("Lower").asDouble() * 1e-9);
    // Margin / StandardError = 4.2208 = t(0.9995, 13): BenchmarkDotNet's default 99.9 % level.
    assertThat(r.interval().level()).isCloseTo(0.999, within(1e-6));
  }

  @Test
  void googleBenchmarkRealTimeCpuTimeAndIterations() throws Exception {
    JsonNode b = json("googlecpp_output.json").get("benchmarks").get(1);
    BenchmarkResult r = read("googlecpp_output.json").get(1);
    assertThat(r.name()).isEqualTo("fib_20");
    assertThat(r.primary().value()).isEqualTo(b.get("real_time").asDouble() * 1e-9);
    assertThat(r.metric("cpu_time").value()).isEqualTo(b.get("cpu_time").asDouble() * 1e-9);
    assertThat(r.details()).containsEntry("iterations", "23968").containsEntry("threads", "1");
  }

  @Test
  void juliaEstimateMemoryAndAllocations() throws Exception {
    List<BenchmarkResult> results = read("julia_output.json");
    BenchmarkResult fib10 =
        results.stream().filter(r -> r.name().equals("fib/10")).findFirst().orElseThrow();
    assertThat(fib10.seconds()).containsOnlyKeys(Statistic.ESTIMATE);
    assertThat(fib10.primary().value()).isCloseTo(246.03846153846155e-9, within(1e-20));
    assertThat(fib10.bytesPerOp()).isEqualTo(0.0);
    assertThat(fib10.metric("allocs").value()).isEqualTo(0.0);
    assertThat(fib10.details()).containsEntry("evals", "390");
  }

  @Test
  void textFormatsInSecondsAndRates() throws Exception {
    BenchmarkResult cargo = read("cargo_output.txt").get(1);
    assertThat(cargo.primary().value()).isCloseTo(18_149e-9, within(1e-18));
    assertThat(cargo.seconds()).containsOnlyKeys(Statistic.MEDIAN); // libtest prints the median
    BenchmarkResult cycles = read("cargo_output_units.txt").get(0);
    assertThat(cycles.primary())
        .isEqualTo(new Measurement(2835, "cycles/iter", Direction.LOWER_IS_BETTER));
    BenchmarkResult rate = read("cargo_output_units.txt").get(3);
    assertThat(rate.primary()).isEqualTo(new Measurement(1911, "MS/s", Direction.HIGHER_IS_BETTER));

    BenchmarkResult catch2 = read("catch2_output_v2.txt").get(3);
    assertThat(catch2.name()).isEqualTo("Fibonacci-15_bench");
    assertThat(catch2.primary().value()).isCloseTo(3.789e-6, within(1e-18));
    assertThat(catch2.seconds().get(Statistic.STDDEV)).isCloseTo(362e-9, within(1e-18));
    assertThat(catch2.interval().lower()).isCloseTo(3.734e-6, within(1e-18));
    assertThat(catch2.interval().upper()).isCloseTo(3.888e-6, within(1e-18));

    BenchmarkResult js = read("benchmarkjs_output.txt").get(0);
    assertThat(js.primary())
        .isEqualTo(new Measurement(1_431_759, "ops/s", Direction.HIGHER_IS_BETTER));

    BenchmarkResult luau = read("benchmarkluau_output.txt").get(1);
    assertThat(luau.primary().value()).isCloseTo(69.560e-3, within(1e-15));
    assertThat(luau.seconds().get(Statistic.STDDEV)).isCloseTo(69.560e-3 * 0.00212, within(1e-15));
  }

  @Test
  void goMemoryThroughputAndCustomMetrics() throws Exception {
    BenchmarkResult cache = read("go_fiber_duplicate_names_output.txt").get(0);
    assertThat(cache.name())
        .isEqualTo("BenchmarkAppendMsgitem (github.com/gofiber/fiber/v3/middleware/cache)");
    assertThat(cache.primary().value()).isCloseTo(55.76e-9, within(1e-20));
    assertThat(cache.throughput()).isEqualTo(new Throughput(2833.37e6, "bytes/s"));
    assertThat(cache.bytesPerOp()).isEqualTo(0.0);
    assertThat(cache.metric("allocs/op").direction()).isEqualTo(Direction.LOWER_IS_BETTER);
    assertThat(cache.details())
        .containsEntry("procs", "4")
        .containsEntry("package", "github.com/gofiber/fiber/v3/middleware/cache");

    BenchmarkResult aux = read("go_output.txt").get(6);
    assertThat(aux.name()).isEqualTo("BenchmarkFib11");
    assertThat(aux.metric("auxMetricUnits").value()).isEqualTo(3.0);
    assertThat(aux.metric("auxMetricUnits").direction()).isNull(); // the unit does not say
  }

  @Test
  void customFormatsTakeTheDeclaredDirectionOnlyWhereTheUnitSaysNothing() throws Exception {
    List<BenchmarkResult> bigger =
        readers.read(
            DATA.resolve("customBiggerIsBetter_output.json"),
            BenchmarkFormat.CUSTOM_BIGGER_IS_BETTER);
    assertThat(bigger.get(0).primary())
        .isEqualTo(new Measurement(70, "req/s", Direction.HIGHER_IS_BETTER));
    assertThat(bigger.get(1).primary())
        .isEqualTo(new Measurement(150, "Megabytes", Direction.HIGHER_IS_BETTER));
    List<BenchmarkResult> smaller =
        readers.read(
            DATA.resolve("customSmallerIsBetter_output2.json"),
            BenchmarkFormat.CUSTOM_SMALLER_IS_BETTER);
    assertThat(smaller.get(0).isTime()).isTrue();
    assertThat(smaller.get(0).primary().value()).isCloseTo(90.9439e-9, within(1e-20));
    assertThat(smaller.get(0).seconds()).containsOnlyKeys(Statistic.ESTIMATE);
  }
}
