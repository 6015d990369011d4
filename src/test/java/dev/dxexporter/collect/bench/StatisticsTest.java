package dev.dxexporter.collect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The distributions and tests against reference values. Unless a comment says otherwise, the
 * expected numbers were computed with SciPy 1.17.1 ({@code scipy.stats.t.sf/cdf}, {@code
 * scipy.special.betainc}, {@code scipy.stats.norm.sf}, {@code scipy.stats.ttest_ind(...,
 * equal_var=False)}, {@code scipy.stats.mannwhitneyu(..., alternative="two-sided", method=...)}),
 * printed with {@code repr}.
 */
class StatisticsTest {
  /** R's {@code sleep} data set (Cushny & Peebles), the example of R's {@code t.test}. */
  static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};

  static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

  private static final Path GET =
      Path.of("src/test/resources/bench/criterion/deduplicate/target/criterion/get");

  private static Offset<Double> relative(double expected, double tolerance) {
    return within(Math.abs(expected) * tolerance);
  }

  @ParameterizedTest
  @CsvSource({
    "2.228138851986274, 10, 0.050000000000000044, 0.975",
    "1.0, 1, 0.5000000000000001, 0.75",
    "0.5, 3.7, 0.6453356333199318, 0.6773321833400341",
    "-3.2, 17.776, 0.005022888356297395, 0.0025114441781486974",
    "10, 2.5, 0.0044414957673074235, 0.9977792521163463",
    "40, 30, 1.3726045194406417e-27, 1.0",
    "0.0, 5, 1.0, 0.5",
    "1.5, 1000000, 0.1336147182367928, 0.9331926408816036",
    "0.3, 0.6, 0.8362266455810173, 0.5818866772094913"
  })
  void studentTMatchesScipy(double t, double df, double twoSided, double cdf) {
    StudentT dist = new StudentT(df);
    assertThat(dist.twoSidedP(t)).isCloseTo(twoSided, relative(twoSided, 1e-9));
    assertThat(dist.cdf(t)).isCloseTo(cdf, relative(cdf, 1e-9));
    assertThat(dist.cdf(t) + dist.survival(t)).isCloseTo(1.0, within(1e-15));
  }

  @ParameterizedTest
  @CsvSource({
    "0.5, 0.5, 0.3, 0.36901011956554536",
    "2, 3, 0.4, 0.5247999999999999",
    "10, 0.5, 0.99, 0.6579281751567845",
    "0.05, 7, 0.001, 0.7985246662663213",
    "100, 100, 0.52, 0.7140328471877408"
  })
  void incompleteBetaMatchesScipy(double a, double b, double x, double expected) {
    assertThat(SpecialFunctions.regularizedBeta(x, a, b))
        .isCloseTo(expected, relative(expected, 1e-10));
  }

  @ParameterizedTest
  @CsvSource({
    "0, 0.5",
    "1.959963984540054, 0.025",
    "5, 2.866515718791933e-07",
    "10, 7.61985302416047e-24",
    "-2, 0.9772498680518208",
    "37, 5.7255712225239266e-300"
  })
  void normalTailMatchesScipy(double z, double expected) {
    assertThat(SpecialFunctions.normalSurvival(z)).isCloseTo(expected, relative(expected, 1e-10));
  }

  @Test
  void welchOnTheSleepDataMatchesR() {
    // R: t.test(extra ~ group, data = sleep) prints t = -1.8608, df = 17.776, p-value = 0.07939.
    WelchTTest w = WelchTTest.of(SLEEP_1, SLEEP_2);
    assertThat(w.t()).isCloseTo(-1.8608134674868526, within(1e-12));
    assertThat(w.degreesOfFreedom()).isCloseTo(17.776473516178488, within(1e-9));
    assertThat(w.p()).isCloseTo(0.0793941401873583, relative(0.0793941401873583, 1e-9));
  }

  @Test
  void mannWhitneyOnTheSleepDataMatchesR() {
    // R: wilcox.test(extra ~ group, data = sleep) prints W = 25.5, p-value = 0.06933 (normal
    // approximation with continuity correction: the data have ties).
    MannWhitneyU u = MannWhitneyU.of(SLEEP_1, SLEEP_2);
    assertThat(u.u()).isEqualTo(25.5);
    assertThat(u.exact()).isFalse();
    assertThat(u.p()).isCloseTo(0.06932757543362658, relative(0.06932757543362658, 1e-9));
  }

  @Test
  void exactMannWhitneyWithoutTies() {
    MannWhitneyU small =
        MannWhitneyU.of(
            new double[] {1.1, 2.3, 3.5, 4.2, 5.9}, new double[] {2.0, 6.1, 7.3, 8.4, 9.0, 10.2});
    assertThat(small.exact()).isTrue();
    assertThat(small.u()).isEqualTo(4.0);
    assertThat(small.p()).isCloseTo(0.05194805194805195, relative(0.05194805194805195, 1e-12));

    double[] x = sequence(40, 0.6180339887498949, 0);
    double[] y = sequence(45, 0.4142135623730951, 0.1);
    MannWhitneyU large = MannWhitneyU.of(x, y); // beyond EXACT_MAX: the normal approximation
    assertThat(large.exact()).isFalse();
    assertThat(large.u()).isEqualTo(709.0);
    assertThat(large.p()).isCloseTo(0.09349185082275155, relative(0.09349185082275155, 1e-9));
    MannWhitneyU mid =
        MannWhitneyU.of(sequence(25, 0.6180339887498949, 0), sequence(28, 0.4142135623730951, 0.1));
    assertThat(mid.exact()).isTrue();
    assertThat(mid.u()).isEqualTo(287.0);
    assertThat(mid.p()).isCloseTo(0.2679075928267505, relative(0.2679075928267505, 1e-9));
    WelchTTest w = WelchTTest.of(x, y);
    assertThat(w.t()).isCloseTo(-1.7599898765970716, within(1e-12));
    assertThat(w.p()).isCloseTo(0.08215274114429032, relative(0.08215274114429032, 1e-9));
  }

  @Test
  void bothTestsOnCriterionSamples() throws Exception {
    // Per-iteration times (times / iters, ns) of the deduplicate fixture's samples.
    double[] mokaNew = perIteration(GET.resolve("moka get/1024/new/sample.json"));
    double[] moka032 = perIteration(GET.resolve("moka get/1024/0.3.2/sample.json"));
    WelchTTest w = WelchTTest.of(mokaNew, moka032);
    assertThat(w.t()).isCloseTo(-52.025634987908006, within(1e-9));
    assertThat(w.degreesOfFreedom()).isCloseTo(139.85332863246455, within(1e-8));
    assertThat(w.p()).isCloseTo(2.1388415378539942e-93, relative(2.1388415378539942e-93, 1e-6));
    MannWhitneyU u = MannWhitneyU.of(mokaNew, moka032);
    assertThat(u.u()).isEqualTo(0.0);
    assertThat(u.exact()).isFalse(); // 100 a side: beyond the exact table
    assertThat(u.p()).isCloseTo(2.562143669163401e-34, relative(2.562143669163401e-34, 1e-6));

    double[] dedupNew = perIteration(GET.resolve("deduplicate get/0/new/sample.json"));
    double[] dedupBase = perIteration(GET.resolve("deduplicate get/0/base/sample.json"));
    w = WelchTTest.of(dedupNew, dedupBase);
    assertThat(w.t()).isCloseTo(10.192157146996095, within(1e-9));
    assertThat(w.p()).isCloseTo(5.281105147889806e-19, relative(5.281105147889806e-19, 1e-6));
    u = MannWhitneyU.of(dedupNew, dedupBase);
    assertThat(u.u()).isEqualTo(8269.0);
    assertThat(u.p()).isCloseTo(1.39143144494797e-15, relative(1.39143144494797e-15, 1e-6));
  }

  @Test
  void degenerateSamples() {
    double[] same = {5, 5, 5, 5};
    assertThat(WelchTTest.of(same, same).p()).isEqualTo(1.0);
    assertThat(WelchTTest.of(same, new double[] {6, 6, 6}).p()).isEqualTo(0.0);
    assertThat(MannWhitneyU.of(same, same).p()).isEqualTo(1.0);
  }

  @Test
  void samplesQuantilesInterpolateLikeNumpy() {
    Samples s = Samples.of(new double[] {4, 1, 3, 2, 5, 10, 7, 6, 9, 8});
    // numpy.quantile([1..10], 0.9) = 9.1, median 5.5
    assertThat(s.quantile(0.9)).isCloseTo(9.1, within(1e-12));
    assertThat(s.statistics()).containsEntry(Statistic.MEDIAN, 5.5).containsKey(Statistic.P90);
    assertThat(s.statistics()).doesNotContainKey(Statistic.P95);
  }

  @Test
  void samplesAreBoundedAndThinnedEvenly() {
    double[] many = new double[25_000];
    for (int i = 0; i < many.length; i++) {
      many[i] = i;
    }
    Samples s = Samples.of(many);
    assertThat(s.size()).isEqualTo(Samples.MAX);
    assertThat(s.originalCount()).isEqualTo(25_000);
    assertThat(s.values()[1]).isEqualTo(2.0); // every 2.5th value
    assertThat(s.values()[Samples.MAX - 1]).isEqualTo(24_997.0);
  }

  /** (i·step) mod 1 + offset for i = 1..n: distinct values, the same in Python. */
  private static double[] sequence(int n, double step, double offset) {
    double[] out = new double[n];
    for (int i = 1; i <= n; i++) {
      out[i - 1] = ((i * step) % 1) + offset;
    }
    return out;
  }

  static double[] perIteration(Path sample) throws Exception {
    JsonNode s = new ObjectMapper().readTree(sample.toFile());
    double[] out = new double[s.get("iters").size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = s.get("times").get(i).asDouble() / s.get("iters").get(i).asDouble();
    }
    return out;
  }
}
