package dev.dxexporter.collect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real Google Benchmark output with {@code --benchmark_repetitions=3} (see the resources README):
 * the repetitions and their aggregates become one result per run name, compared with the file.
 */
class GoogleBenchmarkRepetitionsTest {
  private static final Path FILE =
      Path.of(
          "src/test/resources/bench/conbench/benchadapt/python/tests/adapters/"
              + "test_gbench.gbench_json.json");

  @Test
  void repetitionsAndAggregatesAreOneResult() throws Exception {
    JsonNode b = new ObjectMapper().readTree(FILE.toFile()).get("benchmarks");
    List<BenchmarkResult> results = new ActionBenchmarkReaders().read(FILE);
    assertThat(results)
        .extracting(BenchmarkResult::name)
        .containsExactly(
            "Int8RowMajorTensorConversionFixture<Int32Type>/ConvertToSparseCOOTensorInt32",
            "Int8ColumnMajorTensorConversionFixture<Int32Type>/ConvertToSparseCOOTensorInt32");

    BenchmarkResult row = results.get(0);
    assertThat(row.samples().values())
        .containsExactly(
            b.get(0).get("real_time").asDouble() * 1e-9,
            b.get(1).get("real_time").asDouble() * 1e-9,
            b.get(2).get("real_time").asDouble() * 1e-9);
    assertThat(row.primary().value()).isEqualTo(b.get(3).get("real_time").asDouble() * 1e-9);
    assertThat(row.seconds())
        .containsEntry(Statistic.MEAN, b.get(3).get("real_time").asDouble() * 1e-9)
        .containsEntry(Statistic.MEDIAN, b.get(4).get("real_time").asDouble() * 1e-9)
        .containsEntry(Statistic.STDDEV, b.get(5).get("real_time").asDouble() * 1e-9);
    // The aggregate agrees with the repetitions it summarises.
    assertThat(WelchTTest.mean(row.samples().values()))
        .isCloseTo(row.seconds().get(Statistic.MEAN), within(1e-18));
    assertThat(row.throughput())
        .isEqualTo(new Throughput(b.get(3).get("items_per_second").asDouble(), "elements/s"));
    assertThat(row.metric("bytes_per_second").value())
        .isEqualTo(b.get(3).get("bytes_per_second").asDouble());
    assertThat(row.details()).containsEntry("iterations", "7150").containsEntry("repetitions", "3");

    BenchmarkResult column = results.get(1); // repetitions without aggregates
    double mean =
        (b.get(7).get("real_time").asDouble()
                + b.get(8).get("real_time").asDouble()
                + b.get(9).get("real_time").asDouble())
            / 3
            * 1e-9;
    assertThat(column.primary().value()).isCloseTo(mean, within(1e-18));
    assertThat(column.seconds().get(Statistic.MEDIAN))
        .isEqualTo(b.get(7).get("real_time").asDouble() * 1e-9);
  }
}
