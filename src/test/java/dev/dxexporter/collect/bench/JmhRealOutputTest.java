package dev.dxexporter.collect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real JMH 1.37 output of all four modes with the GC profiler (see the resources README), every
 * value compared with the JSON it came from.
 */
class JmhRealOutputTest {
  private static final Path FILE =
      Path.of("src/test/resources/bench/generated-locally/jmh-1.37/all-modes-gc.json");

  @Test
  void everyModeNormalised() throws Exception {
    JsonNode runs = new ObjectMapper().readTree(FILE.toFile());
    List<BenchmarkResult> results = new ActionBenchmarkReaders().read(FILE);
    assertThat(results).hasSize(4);
    String method = "dev.dxexporter.collect.bench.BenchStatisticsBenchmark.mannWhitneyExact50";
    assertThat(results)
        .extracting(BenchmarkResult::name)
        .containsExactly(
            method + " [thrpt]", method + " [avgt]", method + " [sample]", method + " [ss]");
    for (int i = 0; i < 4; i++) {
      BenchmarkResult r = results.get(i);
      JsonNode run = runs.get(i);
      JsonNode pm = run.get("primaryMetric");
      double score = pm.get("score").asDouble();
      String mode = run.get("mode").asText();
      assertThat(r.details()).containsEntry("mode", mode).containsEntry("forks", "2");
      assertThat(r.bytesPerOp())
          .isEqualTo(run.get("secondaryMetrics").get("gc.alloc.rate.norm").get("score").asDouble());
      assertThat(r.metric("gc.count").unit()).isEqualTo("counts");
      assertThat(r.metric("gc.alloc.rate").direction()).isEqualTo(Direction.LOWER_IS_BETTER);
      if (mode.equals("thrpt")) {
        assertThat(pm.get("scoreUnit").asText()).isEqualTo("ops/us");
        assertThat(r.primary())
            .isEqualTo(new Measurement(score * 1e6, "ops/s", Direction.HIGHER_IS_BETTER));
        assertThat(r.seconds()).isEmpty();
        assertThat(r.samples().size()).isEqualTo(6); // 2 forks × 3 iterations
        assertThat(r.samples().values()[0])
            .isCloseTo(pm.get("rawData").get(0).get(0).asDouble() * 1e6, within(1e-9));
        continue;
      }
      assertThat(pm.get("scoreUnit").asText()).isEqualTo("us/op");
      assertThat(r.primary().direction()).isEqualTo(Direction.LOWER_IS_BETTER);
      assertThat(r.primary().value()).isCloseTo(score * 1e-6, within(1e-15));
      JsonNode percentiles = pm.get("scorePercentiles");
      assertThat(r.seconds().get(Statistic.MEDIAN))
          .isCloseTo(percentiles.get("50.0").asDouble() * 1e-6, within(1e-15));
      assertThat(r.seconds().get(Statistic.P99))
          .isCloseTo(percentiles.get("99.0").asDouble() * 1e-6, within(1e-15));
      JsonNode ci = pm.get("scoreConfidence");
      if (ci.get(0).isNumber()) {
        assertThat(r.interval().lower()).isCloseTo(ci.get(0).asDouble() * 1e-6, within(1e-15));
        assertThat(r.interval().level()).isEqualTo(0.999);
      } else {
        assertThat(r.interval()).isNull(); // JMH wrote "NaN"
      }
      if (mode.equals("sample")) {
        long count = 0;
        for (JsonNode fork : pm.get("rawDataHistogram")) {
          for (JsonNode iteration : fork) {
            for (JsonNode bin : iteration) {
              count += bin.get(1).asLong();
            }
          }
        }
        assertThat(r.samples().size()).isEqualTo((int) count);
        double sum = 0;
        for (double v : r.samples().values()) {
          sum += v;
        }
        assertThat(sum / count).isCloseTo(score * 1e-6, within(1e-12)); // the score is their mean
      } else {
        assertThat(r.samples().size()).isEqualTo(6);
      }
    }
  }
}
