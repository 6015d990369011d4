package dev.dxexporter.collect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * pytest-benchmark JSON ({@code --benchmark-json}, and the {@code .benchmarks/} autosaves, which
 * have the same shape): {@code benchmarks[]} with {@code fullname} and {@code stats} in seconds per
 * iteration — {@code min}, {@code max}, {@code mean}, {@code stddev}, {@code median}, {@code
 * rounds}, {@code iterations}, {@code ops} (1 / mean), and {@code data} (every round's time per
 * iteration) with {@code --benchmark-save-data}. The primary value is the mean time; {@code ops} is
 * the throughput; percentiles come from {@code data} when it is there. pytest-benchmark reports no
 * memory. The reported value is {@code ops} in {@code iter/sec}, as github-action-benchmark shows
 * it.
 */
final class PytestBenchmarkReader implements JsonBenchmarkReader {
  @Override
  public List<BenchmarkResult> read(JsonNode root, Path file) throws InputException {
    JsonNode benchmarks = root.get("benchmarks");
    if (benchmarks == null || !benchmarks.isArray()) {
      throw new InputException(file, "pytest-benchmark JSON needs a `benchmarks` array");
    }
    List<BenchmarkResult> out = new ArrayList<>();
    for (int i = 0; i < benchmarks.size(); i++) {
      out.add(benchmark(benchmarks.get(i), file, "benchmarks[" + i + "]"));
    }
    return out;
  }

  private static BenchmarkResult benchmark(JsonNode bench, Path file, String at)
      throws InputException {
    String name = Checked.text(bench, "fullname", file, at);
    JsonNode stats = bench.get("stats");
    String where = at + ".stats";
    double mean = Checked.seconds(Checked.number(stats, "mean", file, where), file, where);
    ResultBuilder result = new ResultBuilder(name, BenchmarkFormat.PYTEST);
    result.primaryTime(mean, Statistic.MEAN);
    String[][] fields = {
      {"median", "MEDIAN"}, {"stddev", "STDDEV"}, {"min", "MIN"}, {"max", "MAX"}
    };
    for (String[] f : fields) {
      Double v = Checked.optionalNumber(stats, f[0], file, where);
      if (v != null) {
        result.seconds(Statistic.valueOf(f[1]), Checked.seconds(v, file, where + "." + f[0]));
      }
    }
    double ops = Checked.nonNegative(Checked.number(stats, "ops", file, where), file, where);
    result.throughput(new Throughput(ops, Units.OPS_PER_SECOND));
    JsonNode data = stats.get("data");
    boolean numbers = data != null && data.isArray();
    for (int i = 0; numbers && i < data.size(); i++) {
      numbers = data.get(i).isNumber();
    }
    if (numbers) { // a hand-trimmed "data" (github-action-benchmark's fixtures) is not samples
      double[] values = Checked.nonNegativeArray(data, 1, file, where + ".data");
      for (int i = 0; i < values.length; i++) {
        Checked.seconds(values[i], file, where + ".data[" + i + "]");
      }
      Samples samples = Samples.of(values);
      result.samples(samples).secondsFromSamples(samples);
    }
    double stddev = stats.path("stddev").asDouble(Double.NaN);
    long rounds = stats.path("rounds").asLong();
    result
        .reported(
            ops,
            "iter/sec",
            "stddev: " + JsNumbers.format(stddev),
            "mean: " + humanTime(mean) + "\nrounds: " + rounds)
        .detail("rounds", rounds)
        .detail("iterations", stats.path("iterations").asText(null))
        .detail("group", bench.path("group").isTextual() ? bench.get("group").asText() : null);
    return result.build();
  }

  /** {@code 24.08868133322941 usec}: github-action-benchmark's rendering of a mean time. */
  static String humanTime(double seconds) {
    if (seconds < 1.0e-6) {
      return JsNumbers.format(seconds * 1e9) + " nsec";
    } else if (seconds < 1.0e-3) {
      return JsNumbers.format(seconds * 1e6) + " usec";
    } else if (seconds < 1.0) {
      return JsNumbers.format(seconds * 1e3) + " msec";
    }
    return JsNumbers.format(seconds) + " sec";
  }
}
