package dev.dxexporter.collect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The regression rule: thresholds, significance, minimum samples, criterion's own verdict. */
class RegressionTest {
  private static final RegressionPolicy MANN_WHITNEY =
      new RegressionPolicy(0.10, 0.05, 10, RegressionMethod.MANN_WHITNEY_U, 0.01);

  private static double[] normal(int n, double mean, double relativeSd, long seed) {
    Random random = new Random(seed);
    double[] out = new double[n];
    for (int i = 0; i < n; i++) {
      out[i] = mean * (1 + relativeSd * random.nextGaussian());
    }
    return out;
  }

  private static Regression regression(RegressionMethod test) {
    return test == RegressionMethod.WELCH_T ? new Regression() : new Regression(MANN_WHITNEY);
  }

  @ParameterizedTest
  @EnumSource(names = {"WELCH_T", "MANN_WHITNEY_U"})
  void slowerBeyondTheThresholdAndSignificantIsARegression(RegressionMethod test) {
    double[] base = normal(50, 1e-6, 0.02, 1);
    RegressionResult r =
        regression(test).compare(normal(50, 1.15e-6, 0.02, 2), base, Direction.LOWER_IS_BETTER);
    assertThat(r.verdict()).isEqualTo(RegressionVerdict.REGRESSED);
    assertThat(r.method()).isEqualTo(test);
    assertThat(r.changeRatio()).isCloseTo(-0.15, within(0.02)); // negative: worse
    assertThat(r.pValue()).isLessThan(1e-10);

    RegressionResult faster =
        regression(test).compare(normal(50, 0.85e-6, 0.02, 3), base, Direction.LOWER_IS_BETTER);
    assertThat(faster.verdict()).isEqualTo(RegressionVerdict.IMPROVED);
    assertThat(faster.changeRatio()).isCloseTo(0.15, within(0.02));
  }

  @ParameterizedTest
  @EnumSource(names = {"WELCH_T", "MANN_WHITNEY_U"})
  void significantButWithinTheThresholdIsUnchanged(RegressionMethod test) {
    RegressionResult r =
        regression(test)
            .compare(
                normal(50, 1.05e-6, 0.01, 4), normal(50, 1e-6, 0.01, 5), Direction.LOWER_IS_BETTER);
    assertThat(r.pValue()).isLessThan(0.05);
    assertThat(r.verdict()).isEqualTo(RegressionVerdict.UNCHANGED);
    assertThat(r.reason()).contains("within the threshold");
  }

  @Test
  void largeButNoisyChangeIsNotSignificant() {
    RegressionResult r =
        new Regression()
            .compare(normal(12, 1.2, 0.6, 6), normal(12, 1.0, 0.6, 7), Direction.LOWER_IS_BETTER);
    assertThat(r.pValue()).isGreaterThan(0.05);
    assertThat(r.verdict()).isEqualTo(RegressionVerdict.UNCHANGED);
    assertThat(r.reason()).startsWith("not significant");
  }

  @Test
  void tooFewSamplesIsNotEnoughDataNeverUnchanged() {
    RegressionResult r =
        new Regression()
            .compare(normal(9, 2.0, 0.01, 8), normal(50, 1.0, 0.01, 9), Direction.LOWER_IS_BETTER);
    assertThat(r.verdict()).isEqualTo(RegressionVerdict.NOT_ENOUGH_DATA);
    assertThat(r.changeRatio()).isNaN();
    assertThat(r.reason()).contains("needs 10 values a side, has 9 and 50");
  }

  @Test
  void nonFiniteValuesAreNotEnoughData() {
    double[] withNan = normal(20, 1.0, 0.01, 12);
    withNan[3] = Double.NaN;
    assertThat(
            new Regression(MANN_WHITNEY)
                .compare(withNan, normal(20, 1.0, 0.01, 13), Direction.LOWER_IS_BETTER)
                .reason())
        .isEqualTo("a sample holds NaN or an infinity");
    assertThat(
            new Regression()
                .againstHistory(
                    Double.POSITIVE_INFINITY,
                    List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0),
                    Direction.LOWER_IS_BETTER)
                .verdict())
        .isEqualTo(RegressionVerdict.NOT_ENOUGH_DATA);
  }

  @Test
  void lowerThroughputIsWorse() {
    RegressionResult r =
        new Regression()
            .compare(
                normal(20, 850, 0.01, 10), normal(20, 1000, 0.01, 11), Direction.HIGHER_IS_BETTER);
    assertThat(r.verdict()).isEqualTo(RegressionVerdict.REGRESSED);
    assertThat(r.changeRatio()).isCloseTo(-0.15, within(0.01));
  }

  @Test
  void noDirectionOrMismatchedUnitsIsNotEnoughData() {
    assertThat(new Regression().compare(new double[20], new double[20], null).verdict())
        .isEqualTo(RegressionVerdict.NOT_ENOUGH_DATA);
    BenchmarkResult time =
        new ResultBuilder("a", BenchmarkFormat.GO).primaryTime(1, Statistic.MEAN).build();
    BenchmarkResult rate =
        new ResultBuilder("a", BenchmarkFormat.GO)
            .primaryThroughput(new Throughput(1, "ops/s"))
            .build();
    assertThat(new Regression().compare(time, rate).reason()).startsWith("units differ");
  }

  @Test
  void oneValueAgainstTheBaseBranchHistory() {
    List<Double> history =
        List.of(1.00, 1.02, 0.99, 1.01, 0.98, 1.00, 1.03, 0.97, 1.01, 1.00, 0.99, 1.02);
    Regression regression = new Regression();
    // Expected p: SciPy 1.17.1, 2 * t.sf(|x - mean| / (s * sqrt(1 + 1/12)), 11).
    RegressionResult slow = regression.againstHistory(1.2, history, Direction.LOWER_IS_BETTER);
    assertThat(slow.method()).isEqualTo(RegressionMethod.PREDICTION_T);
    assertThat(slow.pValue()).isCloseTo(3.1277399979885897e-07, within(1e-15));
    assertThat(slow.verdict()).isEqualTo(RegressionVerdict.REGRESSED);
    RegressionResult same = regression.againstHistory(1.005, history, Direction.LOWER_IS_BETTER);
    assertThat(same.pValue()).isCloseTo(0.8580812128818583, within(1e-12));
    assertThat(same.verdict()).isEqualTo(RegressionVerdict.UNCHANGED);
    RegressionResult fivePercent =
        regression.againstHistory(1.05, history, Direction.LOWER_IS_BETTER);
    assertThat(fivePercent.pValue()).isCloseTo(0.022410730232001925, within(1e-12));
    assertThat(fivePercent.verdict()).isEqualTo(RegressionVerdict.UNCHANGED); // under 10 %
    assertThat(
            regression
                .againstHistory(2.0, history.subList(0, 5), Direction.LOWER_IS_BETTER)
                .verdict())
        .isEqualTo(RegressionVerdict.NOT_ENOUGH_DATA);
    // Rank mode: 12 past values can give at best p = 2/13, never significant.
    RegressionResult rank =
        new Regression(MANN_WHITNEY).againstHistory(1.2, history, Direction.LOWER_IS_BETTER);
    assertThat(rank.method()).isEqualTo(RegressionMethod.RANK);
    assertThat(rank.pValue()).isCloseTo(2.0 / 13, within(1e-15));
    assertThat(rank.verdict()).isEqualTo(RegressionVerdict.UNCHANGED);
  }

  @Test
  void criterionVerdictFollowsItsChangeInterval() throws Exception {
    ObjectMapper json = new ObjectMapper();
    CriterionDirectoryReader reader = new CriterionDirectoryReader();
    int regressed = 0;
    int improved = 0;
    for (String fixture : new String[] {"regtail", "deduplicate", "net"}) {
      Path root = CriterionFixturesTest.FIXTURES.resolve(fixture).resolve("target/criterion");
      for (CriterionBenchmark b : reader.readTree(root).benchmarks()) {
        RegressionResult r = new Regression().criterion(b);
        Path change = b.directory().resolve("change/estimates.json");
        if (!change.toFile().exists()) { // net's shard benchmarks: first run, base/ = new/
          assertThat(r.verdict()).isEqualTo(RegressionVerdict.NOT_ENOUGH_DATA);
          assertThat(r.reason()).contains("copy of the latest run");
          continue;
        }
        // criterion's rule (report.rs compare_to_threshold): the whole interval beyond ±noise.
        JsonNode mean = json.readTree(change.toFile()).get("mean");
        double lower = mean.get("confidence_interval").get("lower_bound").asDouble();
        double upper = mean.get("confidence_interval").get("upper_bound").asDouble();
        RegressionVerdict expected =
            lower > 0.01
                ? RegressionVerdict.REGRESSED
                : upper < -0.01 ? RegressionVerdict.IMPROVED : RegressionVerdict.UNCHANGED;
        assertThat(r.verdict()).as(b.id().fullId()).isEqualTo(expected);
        assertThat(r.method()).isEqualTo(RegressionMethod.CRITERION);
        assertThat(r.changeRatio()).isEqualTo(-mean.get("point_estimate").asDouble());
        assertThat(r.pValue()).isNaN(); // the compared baseline's samples were overwritten
        regressed += expected == RegressionVerdict.REGRESSED ? 1 : 0;
        improved += expected == RegressionVerdict.IMPROVED ? 1 : 0;
      }
    }
    assertThat(regressed).isEqualTo(2); // moka get/8192, nrpc_qps/c16/32B
    assertThat(improved).isEqualTo(1); // moka get/256
  }
}
