package dev.dxexporter.collect.bench;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Turns one criterion run directory ({@code new/}, {@code base/}, a named baseline) into a {@link
 * BenchmarkResult}: the typical estimate (slope under linear sampling, else mean) is the primary
 * value, as criterion's own report uses it; mean, median, std dev and slope keep criterion's
 * bootstrap point estimates; min, max and p90/p95/p99 come from the per-iteration samples (times /
 * iters). Throughput is the declared work per iteration over the typical time.
 *
 * <p>The mean of the samples must equal the estimates' mean point estimate (criterion computes one
 * from the other): when it does not, the two files come from different runs — criterion was writing
 * while we read — and the run is refused rather than mixed.
 */
final class CriterionRun {
  private static final double NS = 1e-9;

  /** criterion's point estimates are computed from the saved samples: only rounding differs. */
  private static final double CONSISTENCY = 1e-9;

  private CriterionRun() {}

  /**
   * @param unit the measurement unit from raw.csv ({@code ns} when absent: wall time)
   */
  static BenchmarkResult result(
      CriterionId id,
      Map<String, CriterionFiles.Estimate> estimates,
      CriterionFiles.SavedSample sample,
      String unit,
      Path dir)
      throws InputException {
    Path estimatesFile = dir.resolve("estimates.json");
    boolean time = unit == null || unit.equals("ns");
    double factor = time ? NS : 1;
    CriterionFiles.Estimate mean = estimates.get("mean");
    CriterionFiles.Estimate slope = estimates.get("slope");
    CriterionFiles.Estimate typical = slope != null ? slope : mean;
    ResultBuilder result = new ResultBuilder(id.fullId(), BenchmarkFormat.CRITERION);
    Samples samples = Samples.none();
    if (sample != null) {
      double[] avg = sample.perIteration();
      double sampleMean = WelchTTest.mean(avg);
      if (Math.abs(sampleMean - mean.point()) > CONSISTENCY * Math.abs(mean.point())) {
        throw new InputException(
            estimatesFile,
            "mean "
                + mean.point()
                + " disagrees with sample.json's mean "
                + sampleMean
                + ": the files come from different runs (read while criterion was writing?)");
      }
      double[] scaled = new double[avg.length];
      for (int i = 0; i < avg.length; i++) {
        scaled[i] = avg[i] * factor;
      }
      samples = Samples.of(scaled);
    }
    if (time) {
      double typicalSeconds = Checked.seconds(typical.point() * NS, estimatesFile, "typical");
      result.primaryTime(typicalSeconds, slope != null ? Statistic.SLOPE : Statistic.MEAN);
      put(result, Statistic.MEAN, mean, estimatesFile);
      put(result, Statistic.MEDIAN, estimates.get("median"), estimatesFile);
      put(result, Statistic.STDDEV, estimates.get("std_dev"), estimatesFile);
      put(result, Statistic.SLOPE, slope, estimatesFile);
      if (samples.size() > 0) {
        Map<Statistic, Double> fromSamples = samples.statistics();
        for (Statistic s :
            new Statistic[] {
              Statistic.MIN, Statistic.MAX, Statistic.P90, Statistic.P95, Statistic.P99
            }) {
          if (fromSamples.containsKey(s)) {
            result.seconds(s, fromSamples.get(s));
          }
        }
      }
      if (id.throughput() != null) {
        result.throughput(id.throughput().at(typicalSeconds));
        if (id.throughput().elements() != null && id.throughput().bytes() != null) {
          result.metric(
              "bytes/s", id.throughput().bytes() / typicalSeconds, Units.BYTES_PER_SECOND);
        }
      }
    } else {
      result.primary(typical.point(), unit, Direction.LOWER_IS_BETTER);
    }
    if (typical.interval() != null) {
      ConfidenceInterval ci = typical.interval();
      result.interval(new ConfidenceInterval(ci.lower() * factor, ci.upper() * factor, ci.level()));
    }
    String shownUnit = time ? "ns" : unit;
    result
        .samples(samples)
        .reported(
            typical.point(),
            shownUnit,
            typical.interval() == null
                ? null
                : "["
                    + JsNumbers.format(typical.interval().lower())
                    + ", "
                    + JsNumbers.format(typical.interval().upper())
                    + "]",
            sample == null ? null : sample.iters().length + " samples")
        .detail("sampling_mode", sample == null ? null : sample.samplingMode())
        .detail("samples", sample == null ? null : sample.iters().length)
        .detail("group_id", id.groupId())
        .detail("function_id", id.functionId())
        .detail("value_str", id.valueString())
        .detail("directory", id.directoryName());
    return result.build();
  }

  private static void put(
      ResultBuilder result, Statistic statistic, CriterionFiles.Estimate e, Path file)
      throws InputException {
    if (e != null) {
      result.seconds(statistic, Checked.seconds(e.point() * NS, file, statistic.label()));
    }
  }
}
