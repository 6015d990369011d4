package dev.dxexporter.collect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * BenchmarkDotNet's JSON exporter: {@code Benchmarks[]} with {@code FullName} and {@code
 * Statistics} in nanoseconds per operation ({@code Mean}, {@code Median}, {@code
 * StandardDeviation}, {@code Min}, {@code Max}, {@code Percentiles.P90/P95}, {@code
 * ConfidenceInterval.Lower/Upper}, {@code OriginalValues}: the workload measurements), and with the
 * MemoryDiagnoser {@code Memory.BytesAllocatedPerOperation}. The confidence level is not written as
 * a number (only an enum index), so it is derived from the interval: level = 1 − 2·P(T > Margin /
 * StandardError) with N − 1 degrees of freedom (99.9 % by BenchmarkDotNet's default). A benchmark
 * whose {@code Statistics} is null (it failed) is left out.
 */
final class BenchmarkDotNetReader implements JsonBenchmarkReader {
  private static final double NS = 1e-9;

  @Override
  public List<BenchmarkResult> read(JsonNode root, Path file) throws InputException {
    JsonNode benchmarks = root.get("Benchmarks");
    if (benchmarks == null || !benchmarks.isArray()) {
      throw new InputException(file, "BenchmarkDotNet JSON needs a `Benchmarks` array");
    }
    List<BenchmarkResult> out = new ArrayList<>();
    for (int i = 0; i < benchmarks.size(); i++) {
      JsonNode b = benchmarks.get(i);
      if (b.path("Statistics").isObject()) {
        out.add(benchmark(b, file, "Benchmarks[" + i + "]"));
      }
    }
    return out;
  }

  private static BenchmarkResult benchmark(JsonNode b, Path file, String at) throws InputException {
    String name = Checked.text(b, "FullName", file, at);
    JsonNode stats = b.get("Statistics");
    String where = at + ".Statistics";
    double mean = Checked.number(stats, "Mean", file, where);
    ResultBuilder result = new ResultBuilder(name, BenchmarkFormat.BENCHMARK_DOTNET);
    result.primaryTime(Checked.seconds(mean * NS, file, where + ".Mean"), Statistic.MEAN);
    put(result, Statistic.MEDIAN, stats, "Median", file, where);
    put(result, Statistic.STDDEV, stats, "StandardDeviation", file, where);
    put(result, Statistic.MIN, stats, "Min", file, where);
    put(result, Statistic.MAX, stats, "Max", file, where);
    put(result, Statistic.P90, stats.get("Percentiles"), "P90", file, where + ".Percentiles");
    put(result, Statistic.P95, stats.get("Percentiles"), "P95", file, where + ".Percentiles");
    JsonNode ci = stats.get("ConfidenceInterval");
    if (ci != null && ci.isObject()) {
      String ciAt = where + ".ConfidenceInterval";
      Double lower = Checked.optionalNumber(ci, "Lower", file, ciAt);
      Double upper = Checked.optionalNumber(ci, "Upper", file, ciAt);
      if (lower != null && upper != null) {
        result.interval(new ConfidenceInterval(lower * NS, upper * NS, level(ci)));
      }
    }
    JsonNode original = stats.get("OriginalValues");
    if (original != null && original.isArray()) {
      double[] values = Checked.nonNegativeArray(original, NS, file, where + ".OriginalValues");
      result.samples(Samples.of(values));
    }
    JsonNode memory = b.get("Memory");
    if (memory != null && memory.isObject()) {
      Double bytes =
          Checked.optionalNumber(memory, "BytesAllocatedPerOperation", file, at + ".Memory");
      if (bytes != null) {
        result.bytesPerOp(Checked.nonNegative(bytes, file, at + ".Memory"));
      }
      for (String gen : new String[] {"Gen0Collections", "Gen1Collections", "Gen2Collections"}) {
        Double n = Checked.optionalNumber(memory, gen, file, at + ".Memory");
        if (n != null) {
          result.metric(gen, n, "");
        }
      }
    }
    double stddev = stats.path("StandardDeviation").asDouble(Double.NaN);
    result
        .reported(mean, "ns", "± " + JsNumbers.format(stddev), null)
        .detail("n", stats.path("N").asText(null))
        .detail("parameters", b.path("Parameters").asText(null));
    return result.build();
  }

  private static void put(
      ResultBuilder result, Statistic s, JsonNode parent, String field, Path file, String where)
      throws InputException {
    Double v = Checked.optionalNumber(parent, field, file, where);
    if (v != null) {
      result.seconds(s, Checked.seconds(v * NS, file, where + "." + field));
    }
  }

  private static double level(JsonNode ci) {
    double margin = ci.path("Margin").asDouble(Double.NaN);
    double se = ci.path("StandardError").asDouble(Double.NaN);
    long n = ci.path("N").asLong(0);
    if (!(margin > 0) || !(se > 0) || n < 2) {
      return Double.NaN;
    }
    return 1 - 2 * new StudentT(n - 1).survival(margin / se);
  }
}
