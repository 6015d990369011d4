package dev.dxexporter.collect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * criterion layouts beyond the three fixture trees: the old (0.2) layout, every throughput kind, a
 * custom measurement, a {@code --baseline NAME} comparison, a stale change. Each tree is built in a
 * temporary directory from fixture files, changed only where the case needs it.
 */
class CriterionLayoutsTest {
  private static final Path FIXTURES = CriterionFixturesTest.FIXTURES;
  private static final Path BOOK =
      Path.of("src/test/resources/bench/criterion-book/book/src/user_guide/html_report");
  private static final Path REGTAIL = FIXTURES.resolve("regtail/target/criterion/big_file_tail");
  private static final Path MOKA_1024 =
      FIXTURES.resolve("deduplicate/target/criterion/get/moka get/1024");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path tmp;

  private final CriterionDirectoryReader reader = new CriterionDirectoryReader();

  static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> walk = Files.walk(from)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Path target = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(target);
        } else {
          Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
      }
    }
  }

  @Test
  void oldLayoutWithoutBenchmarkJson() throws Exception {
    Path bench = tmp.resolve("Fibonacci2/Recursive/21");
    copyTree(BOOK.resolve("Fibonacci2/Recursive/21/base"), bench.resolve("new"));
    CriterionReport report = reader.readTree(tmp);
    assertThat(report.errors()).isEmpty();
    CriterionBenchmark b = report.benchmarks().get(0);
    assertThat(b.id().fromDirectory()).isTrue();
    assertThat(b.id().fullId()).isEqualTo("Fibonacci2/Recursive/21");
    assertThat(b.id().functionId()).isEqualTo("Recursive");
    assertThat(b.id().valueString()).isEqualTo("21");
    JsonNode est = JSON.readTree(bench.resolve("new/estimates.json").toFile());
    BenchmarkResult r = b.latest();
    // criterion then always fitted the slope, which is the typical estimate.
    assertThat(r.primary().value())
        .isEqualTo(est.get("Slope").get("point_estimate").asDouble() * 1e-9);
    assertThat(r.seconds().get(Statistic.MEAN))
        .isEqualTo(est.get("Mean").get("point_estimate").asDouble() * 1e-9);
    assertThat(r.seconds().get(Statistic.STDDEV))
        .isEqualTo(est.get("StdDev").get("point_estimate").asDouble() * 1e-9);
    assertThat(r.samples().size()).isEqualTo(100);
    assertThat(r.details()).doesNotContainKey("sampling_mode");
    JsonNode fences = JSON.readTree(bench.resolve("new/tukey.json").toFile());
    assertThat(b.tukeyFences().get(3)).isEqualTo(fences.get(3).asDouble() * 1e-9);
  }

  @Test
  void everyThroughputKind() throws Exception {
    double typical = mean(REGTAIL.resolve("new/estimates.json")) * 1e-9;
    String[][] kinds = {
      {"{\"Bytes\":1024}", "bytes/s", "1024"},
      {"{\"BytesDecimal\":1000}", "bytes/s", "1000"},
      {"{\"Elements\":7}", "elements/s", "7"},
      {"{\"ElementsAndBytes\":{\"elements\":3,\"bytes\":4096}}", "elements/s", "3"}
    };
    for (String[] kind : kinds) {
      Path bench = tmp.resolve(kind[1] + kind[2]).resolve("big_file_tail");
      copyTree(REGTAIL, bench);
      ObjectNode id = (ObjectNode) JSON.readTree(bench.resolve("new/benchmark.json").toFile());
      id.set("throughput", JSON.readTree(kind[0]));
      JSON.writeValue(bench.resolve("new/benchmark.json").toFile(), id);
      BenchmarkResult r = reader.readBenchmark(bench).latest();
      assertThat(r.throughput().unit()).as(kind[0]).isEqualTo(kind[1]);
      assertThat(r.throughput().value())
          .isCloseTo(Double.parseDouble(kind[2]) / typical, within(1e-9));
      if (kind[0].contains("ElementsAndBytes")) {
        assertThat(r.metric("bytes/s").value()).isCloseTo(4096 / typical, within(1e-9));
      }
    }
  }

  @Test
  void customMeasurementStaysInItsUnit() throws Exception {
    Path bench = tmp.resolve("big_file_tail");
    copyTree(REGTAIL, bench);
    Path raw = bench.resolve("new/raw.csv");
    Files.writeString(raw, Files.readString(raw).replace(",ns,", ",cycles,"));
    BenchmarkResult r = reader.readBenchmark(bench).latest();
    assertThat(r.isTime()).isFalse();
    assertThat(r.seconds()).isEmpty();
    assertThat(r.primary())
        .isEqualTo(
            new Measurement(
                mean(bench.resolve("new/estimates.json")), "cycles", Direction.LOWER_IS_BETTER));
  }

  @Test
  void comparisonAgainstANamedBaselineKeepsItsSamples() throws Exception {
    Path bench = tmp.resolve("get/moka get/1024");
    Files.createDirectories(bench);
    copyTree(MOKA_1024.resolve("new"), bench.resolve("new"));
    copyTree(MOKA_1024.resolve("0.3.2"), bench.resolve("0.3.2"));
    // As `cargo bench -- --baseline 0.3.2` leaves it: change/ against 0.3.2, which stays.
    double ratio =
        WelchTTest.mean(StatisticsTest.perIteration(bench.resolve("new/sample.json")))
                / WelchTTest.mean(StatisticsTest.perIteration(bench.resolve("0.3.2/sample.json")))
            - 1;
    String estimate =
        "{\"confidence_interval\":{\"confidence_level\":0.95,\"lower_bound\":%s,\"upper_bound\":%s},"
            + "\"point_estimate\":%s,\"standard_error\":0.01}";
    String one = String.format(java.util.Locale.ROOT, estimate, ratio - 0.02, ratio + 0.02, ratio);
    Files.createDirectories(bench.resolve("change"));
    Files.writeString(
        bench.resolve("change/estimates.json"), "{\"mean\":" + one + ",\"median\":" + one + "}");
    CriterionBenchmark b = reader.readBenchmark(bench);
    assertThat(b.change().baseline()).isEqualTo("0.3.2");
    RegressionResult r = new Regression().criterion(b);
    assertThat(r.verdict()).isEqualTo(RegressionVerdict.IMPROVED);
    assertThat(r.changeRatio()).isCloseTo(-ratio, within(1e-15));
    // Welch's p on the two samples stands in for criterion's unsaved bootstrap p (SciPy value, see
    // StatisticsTest).
    assertThat(r.pValue()).isCloseTo(2.1388415378539942e-93, within(1e-98));
    assertThat(r.baselineCount()).isEqualTo(100);
  }

  @Test
  void staleChangeIsNotUsed() throws Exception {
    Path bench = tmp.resolve("big_file_tail");
    copyTree(REGTAIL, bench);
    FileTime newer = Files.getLastModifiedTime(bench.resolve("new/estimates.json"));
    Files.setLastModifiedTime(
        bench.resolve("change/estimates.json"), FileTime.fromMillis(newer.toMillis() - 3_600_000));
    CriterionBenchmark b = reader.readBenchmark(bench);
    assertThat(b.change().current()).isFalse();
    RegressionResult r = new Regression().criterion(b);
    assertThat(r.verdict()).isEqualTo(RegressionVerdict.NOT_ENOUGH_DATA);
    assertThat(r.reason()).isEqualTo("no current change/, and base/ is the copy of the latest run");
  }

  private static double mean(Path estimates) throws IOException {
    return JSON.readTree(estimates.toFile()).get("mean").get("point_estimate").asDouble();
  }
}
