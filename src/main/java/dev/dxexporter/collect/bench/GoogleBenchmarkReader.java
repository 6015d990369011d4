package dev.dxexporter.collect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Google Benchmark JSON ({@code --benchmark_format=json}, {@code --benchmark_out}): {@code
 * benchmarks[]} with {@code real_time} and {@code cpu_time} per iteration in {@code time_unit}
 * ({@code ns} when absent, as in old versions), {@code iterations}, {@code threads}, {@code
 * items_per_second}, {@code bytes_per_second} and user counters.
 *
 * <p>With {@code --benchmark_repetitions} the file holds one {@code run_type: "iteration"} entry
 * per repetition and {@code "aggregate"} entries named {@code <run>_mean}, {@code _median}, {@code
 * _stddev}, {@code _cv}. They become <b>one</b> result per {@code run_name}: the repetitions' real
 * times are its samples, the aggregates its mean/median/stddev (github-action-benchmark keeps each
 * entry apart, under its own name). Complexity fits ({@code _BigO}, {@code _RMS}) and runs that
 * report {@code error_occurred} carry no time and are left out. The primary value is the mean real
 * time.
 */
final class GoogleBenchmarkReader implements JsonBenchmarkReader {
  private static final Set<String> KNOWN =
      Set.of(
          "name",
          "family_index",
          "per_family_instance_index",
          "run_name",
          "run_type",
          "repetitions",
          "repetition_index",
          "threads",
          "iterations",
          "real_time",
          "cpu_time",
          "time_unit",
          "aggregate_name",
          "aggregate_unit",
          "error_occurred",
          "error_message",
          "label",
          "bytes_per_second",
          "items_per_second");

  @Override
  public List<BenchmarkResult> read(JsonNode root, Path file) throws InputException {
    JsonNode benchmarks = root.get("benchmarks");
    if (benchmarks == null || !benchmarks.isArray()) {
      throw new InputException(file, "Google Benchmark JSON needs a `benchmarks` array");
    }
    Map<String, List<JsonNode>> runs = new LinkedHashMap<>();
    Map<JsonNode, String> where = new LinkedHashMap<>();
    for (int i = 0; i < benchmarks.size(); i++) {
      JsonNode b = benchmarks.get(i);
      String at = "benchmarks[" + i + "]";
      String name = Checked.text(b, "name", file, at);
      if (b.path("error_occurred").asBoolean(false) || !b.has("real_time")) {
        continue;
      }
      String aggregate = b.path("aggregate_name").asText("");
      String runName = b.path("run_name").asText("");
      if (runName.isEmpty()) { // before run_name existed, aggregates were named <run>_<aggregate>
        runName =
            !aggregate.isEmpty() && name.endsWith("_" + aggregate)
                ? name.substring(0, name.length() - aggregate.length() - 1)
                : name;
      }
      runs.computeIfAbsent(runName, k -> new ArrayList<>()).add(b);
      where.put(b, at);
    }
    List<BenchmarkResult> out = new ArrayList<>();
    for (Map.Entry<String, List<JsonNode>> run : runs.entrySet()) {
      out.add(run(run.getKey(), run.getValue(), where, file));
    }
    return out;
  }

  private static BenchmarkResult run(
      String name, List<JsonNode> entries, Map<JsonNode, String> where, Path file)
      throws InputException {
    ResultBuilder result = new ResultBuilder(name, BenchmarkFormat.GOOGLE_BENCHMARK);
    List<Double> repetitions = new ArrayList<>();
    JsonNode first = null;
    JsonNode meanEntry = null;
    for (JsonNode e : entries) {
      String at = where.get(e);
      double factor = Units.secondsPer(e.path("time_unit").asText("ns"));
      if (Double.isNaN(factor)) {
        throw new InputException(file, "at " + at + ": unknown time_unit " + e.get("time_unit"));
      }
      double real = Checked.number(e, "real_time", file, at) * factor;
      String aggregate = e.path("aggregate_name").asText("");
      if (!e.path("run_type").asText("iteration").equals("aggregate")) {
        repetitions.add(Checked.seconds(real, file, at + ".real_time"));
        first = first == null ? e : first;
      } else if (aggregate.equals("mean")) {
        meanEntry = e;
        result.seconds(Statistic.MEAN, Checked.seconds(real, file, at + ".real_time"));
      } else if (aggregate.equals("median")) {
        result.seconds(Statistic.MEDIAN, Checked.seconds(real, file, at + ".real_time"));
      } else if (aggregate.equals("stddev")) {
        result.seconds(Statistic.STDDEV, Checked.seconds(real, file, at + ".real_time"));
      }
    }
    double[] reps = repetitions.stream().mapToDouble(Double::doubleValue).toArray();
    Samples samples = Samples.of(reps);
    JsonNode typical = meanEntry != null ? meanEntry : first != null ? first : entries.get(0);
    double typicalSeconds =
        typical.get("real_time").asDouble()
            * Units.secondsPer(typical.path("time_unit").asText("ns"));
    if (meanEntry != null || reps.length > 0) {
      result.primaryTime(
          meanEntry != null ? typicalSeconds : WelchTTest.mean(reps), Statistic.MEAN);
    } else { // only a median or stddev aggregate survived
      result.primaryTime(typicalSeconds, Statistic.ESTIMATE);
    }
    result.samples(samples);
    if (reps.length > 1) {
      result.secondsFromSamples(samples);
    }
    String at = where.get(typical);
    double unitFactor = Units.secondsPer(typical.path("time_unit").asText("ns"));
    result.metric("cpu_time", Checked.number(typical, "cpu_time", file, at) * unitFactor, "s");
    Double items = Checked.optionalNumber(typical, "items_per_second", file, at);
    Double bytes = Checked.optionalNumber(typical, "bytes_per_second", file, at);
    if (items != null) {
      result.throughput(
          new Throughput(Checked.nonNegative(items, file, at), Units.ELEMENTS_PER_SECOND));
    } else if (bytes != null) {
      result.throughput(
          new Throughput(Checked.nonNegative(bytes, file, at), Units.BYTES_PER_SECOND));
    }
    if (items != null && bytes != null) {
      result.metric("bytes_per_second", bytes, Units.BYTES_PER_SECOND);
    }
    for (Map.Entry<String, JsonNode> f : typical.properties()) {
      if (!KNOWN.contains(f.getKey()) && f.getValue().isNumber()) {
        result.metric(f.getKey(), Checked.number(typical, f.getKey(), file, at), "");
      }
    }
    String unit = typical.path("time_unit").asText("ns");
    // An aggregate's "iterations" counts repetitions: the run facts come from a repetition.
    JsonNode run = first != null ? first : typical;
    result
        .reported(
            typical.get("real_time").asDouble(),
            unit + "/iter",
            null,
            "iterations: "
                + run.path("iterations").asText()
                + "\ncpu: "
                + JsNumbers.format(typical.path("cpu_time").asDouble())
                + " "
                + unit
                + "\nthreads: "
                + run.path("threads").asText())
        .detail("iterations", run.path("iterations").asText(null))
        .detail("threads", run.path("threads").asText(null))
        .detail("repetitions", reps.length > 1 ? reps.length : null)
        .detail("label", typical.path("label").asText(null));
    return result.build();
  }
}
