package dev.dxexporter.collect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * JMH {@code -rf json}: an array of runs, each with {@code benchmark}, {@code mode}, {@code
 * params}, {@code primaryMetric} ({@code score}, {@code scoreError}, {@code scoreConfidence},
 * {@code scorePercentiles}, {@code scoreUnit}, {@code rawData} per fork and iteration, or {@code
 * rawDataHistogram} in {@code sample} mode) and {@code secondaryMetrics}.
 *
 * <ul>
 *   <li>Modes {@code avgt}, {@code sample}, {@code ss} score a time per operation: the primary
 *       value is that time in seconds ({@link Statistic#MEAN}); score percentiles give median,
 *       p90/p95/p99, min and max. Mode {@code thrpt} scores operations per time unit: the primary
 *       value is the normalised {@code ops/s}. The unit decides, so {@code -bm all} works too.
 *   <li>{@code scoreConfidence} is JMH's 99.9 % interval. JMH writes {@code "NaN"} (a string) when
 *       one iteration gives no error; that reads as "no interval".
 *   <li>Secondary metric names lose JMH's {@code ·} prefix (JMH before 1.36); {@code
 *       gc.alloc.rate.norm} ({@code B/op}) gives {@link BenchmarkResult#bytesPerOp()}; the GC
 *       profiler's metrics are costs (lower is better), {@code gc.alloc.rate} in MB/sec too.
 *   <li>The name is the method with {@code " ( {params as JSON} )"} as github-action-benchmark
 *       writes it; a name that recurs with another mode gets {@code " [mode]"}.
 * </ul>
 */
final class JmhReader implements JsonBenchmarkReader {
  private static final double CONFIDENCE = 0.999;

  @Override
  public List<BenchmarkResult> read(JsonNode root, Path file) throws InputException {
    if (!root.isArray()) {
      throw new InputException(file, "JMH JSON must be an array of benchmark runs");
    }
    Map<String, Integer> names = new HashMap<>();
    for (JsonNode run : root) {
      names.merge(name(run), 1, Integer::sum);
    }
    List<BenchmarkResult> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      out.add(run(root.get(i), names, file, "[" + i + "]"));
    }
    return out;
  }

  private static String name(JsonNode run) {
    JsonNode params = run.get("params");
    String suffix = params != null && params.isObject() ? " ( " + params + " )" : "";
    return run.path("benchmark").asText() + suffix;
  }

  private BenchmarkResult run(JsonNode run, Map<String, Integer> names, Path file, String at)
      throws InputException {
    Checked.text(run, "benchmark", file, at);
    String mode = run.path("mode").asText("");
    String name = name(run);
    if (names.get(name) > 1) {
      name = name + " [" + mode + "]";
    }
    JsonNode metric = run.get("primaryMetric");
    String where = at + ".primaryMetric";
    double score = Checked.number(metric, "score", file, where);
    String unit = Checked.text(metric, "scoreUnit", file, where);
    ResultBuilder result = new ResultBuilder(name, BenchmarkFormat.JMH);
    double perSecond = Units.secondsPer(unit);
    Throughput rate = Units.throughput(1, unit);
    double factor; // from the score unit to the primary unit
    if (!Double.isNaN(perSecond)) {
      factor = perSecond;
      result.primaryTime(Checked.seconds(score * factor, file, where + ".score"), Statistic.MEAN);
      percentiles(metric.get("scorePercentiles"), factor, result, file, where);
    } else if (rate != null) {
      factor = rate.value();
      result.primaryThroughput(
          new Throughput(Checked.nonNegative(score, file, where) * factor, rate.unit()));
    } else {
      factor = 1;
      result.primary(score, unit, null);
    }
    JsonNode confidence = metric.get("scoreConfidence");
    if (confidence != null && confidence.size() == 2 && confidence.get(0).isNumber()) {
      result.interval(
          new ConfidenceInterval(
              confidence.get(0).asDouble() * factor,
              confidence.get(1).asDouble() * factor,
              CONFIDENCE));
    }
    result.samples(samples(metric, factor, file, where));
    secondary(run.get("secondaryMetrics"), result, file, at + ".secondaryMetrics");
    result
        .reported(
            score,
            unit,
            null,
            "iterations: "
                + run.path("measurementIterations").asText()
                + "\nforks: "
                + run.path("forks").asText()
                + "\nthreads: "
                + run.path("threads").asText())
        .detail("mode", mode)
        .detail("forks", run.path("forks").asText(null))
        .detail("threads", run.path("threads").asText(null))
        .detail("iterations", run.path("measurementIterations").asText(null))
        .detail("jmhVersion", run.path("jmhVersion").asText(null));
    return result.build();
  }

  private static void percentiles(
      JsonNode percentiles, double factor, ResultBuilder result, Path file, String where)
      throws InputException {
    if (percentiles == null || !percentiles.isObject()) {
      return;
    }
    String[][] map = {
      {"50.0", "MEDIAN"},
      {"90.0", "P90"},
      {"95.0", "P95"},
      {"99.0", "P99"},
      {"0.0", "MIN"},
      {"100.0", "MAX"}
    };
    for (String[] m : map) {
      Double v = Checked.optionalNumber(percentiles, m[0], file, where + ".scorePercentiles");
      if (v != null) {
        result.seconds(
            Statistic.valueOf(m[1]), Checked.seconds(v * factor, file, where + "." + m[0]));
      }
    }
  }

  /** rawData (fork × iteration scores), or rawDataHistogram (fork × iteration × [value, n]). */
  private static Samples samples(JsonNode metric, double factor, Path file, String where)
      throws InputException {
    JsonNode raw = metric.get("rawData");
    List<Double> values = new ArrayList<>();
    if (raw != null && raw.isArray()) {
      for (JsonNode fork : raw) {
        for (double v : Checked.nonNegativeArray(fork, factor, file, where + ".rawData")) {
          values.add(v);
        }
      }
      return Samples.of(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
    JsonNode histogram = metric.get("rawDataHistogram");
    if (histogram == null || !histogram.isArray()) {
      return Samples.none();
    }
    List<double[]> bins = new ArrayList<>();
    long total = 0;
    for (JsonNode fork : histogram) {
      for (JsonNode iteration : fork) {
        for (JsonNode bin : iteration) {
          double v = Checked.nonNegative(bin.path(0).asDouble(Double.NaN), file, where) * factor;
          long n = bin.path(1).asLong(-1);
          if (n < 0) {
            throw new InputException(file, "at " + where + ".rawDataHistogram: bad count " + bin);
          }
          bins.add(new double[] {v, n});
          total += n;
        }
      }
    }
    return Samples.fromHistogram(bins, total);
  }

  private static void secondary(JsonNode metrics, ResultBuilder result, Path file, String where)
      throws InputException {
    if (metrics == null || !metrics.isObject()) {
      return;
    }
    for (Map.Entry<String, JsonNode> e : metrics.properties()) {
      String name = e.getKey().startsWith("\u00b7") ? e.getKey().substring(1) : e.getKey();
      JsonNode m = e.getValue();
      if (!m.path("score").isNumber()) {
        continue; // "NaN" scores of profilers that measured nothing
      }
      double score = Checked.number(m, "score", file, where + "." + e.getKey());
      String unit = m.path("scoreUnit").asText("");
      // The GC profiler's values are costs, its MB/sec too: more allocation is worse.
      result.metric(
          name,
          score,
          unit,
          name.startsWith("gc.") ? Direction.LOWER_IS_BETTER : Units.direction(unit));
      if (name.equals("gc.alloc.rate.norm") && unit.equals("B/op")) {
        result.bytesPerOp(Checked.nonNegative(score, file, where + "." + e.getKey()));
      }
    }
  }
}
