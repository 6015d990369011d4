package dev.dxexporter.collect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Julia BenchmarkTools {@code BenchmarkTools.save} JSON: {@code [versions, [group...]]}, each group
 * {@code ["BenchmarkGroup", {"data": {key: entry}, "tags": [...]}]}, nested; the name is the keys
 * joined by {@code /}.
 *
 * <ul>
 *   <li>{@code ["TrialEstimate", {time, gctime, memory, allocs, params}]}: one estimate in
 *       nanoseconds per evaluation, whichever of minimum/median/mean the user saved, so it is
 *       recorded as {@link Statistic#ESTIMATE}. {@code memory} (bytes) and {@code allocs} are per
 *       evaluation.
 *   <li>{@code ["Trial", {times, gctimes, memory, allocs, params}]}: the raw samples (ns per
 *       evaluation) — github-action-benchmark refuses these; here they give the samples and the
 *       mean, median, stddev and percentiles.
 *   <li>Anything else ({@code TrialRatio}, {@code TrialJudgement}) is refused, located.
 * </ul>
 */
final class JuliaBenchmarkReader implements JsonBenchmarkReader {
  private static final double NS = 1e-9;

  @Override
  public List<BenchmarkResult> read(JsonNode root, Path file) throws InputException {
    if (!root.isArray() || root.size() < 2 || !root.get(1).isArray()) {
      throw new InputException(file, "BenchmarkTools JSON must be [versions, [groups...]]");
    }
    List<BenchmarkResult> out = new ArrayList<>();
    JsonNode groups = root.get(1);
    for (int i = 0; i < groups.size(); i++) {
      entry(groups.get(i), "", out, file, "[1][" + i + "]");
    }
    return out;
  }

  private static void entry(
      JsonNode entry, String name, List<BenchmarkResult> out, Path file, String at)
      throws InputException {
    String type = entry.path(0).asText("");
    JsonNode body = entry.get(1);
    switch (type) {
      case "BenchmarkGroup" -> {
        JsonNode data = body == null ? null : body.get("data");
        if (data == null || !data.isObject()) {
          throw new InputException(file, "at " + at + ": BenchmarkGroup without `data`");
        }
        for (Map.Entry<String, JsonNode> e : data.properties()) {
          String child = name.isEmpty() ? e.getKey() : name + "/" + e.getKey();
          entry(e.getValue(), child, out, file, at + "[1].data." + e.getKey());
        }
      }
      case "TrialEstimate", "Trial" -> out.add(trial(type, body, name, file, at + "[1]"));
      default ->
          throw new InputException(
              file, "at " + at + ": unsupported BenchmarkTools type `" + type + "`");
    }
  }

  private static BenchmarkResult trial(
      String type, JsonNode body, String name, Path file, String at) throws InputException {
    ResultBuilder result = new ResultBuilder(name, BenchmarkFormat.JULIA);
    double reportedNs;
    if (type.equals("Trial")) {
      double[] times = Checked.nonNegativeArray(body.get("times"), NS, file, at + ".times");
      if (times.length == 0) {
        throw new InputException(file, "at " + at + ".times: a Trial without samples");
      }
      for (int i = 0; i < times.length; i++) {
        Checked.seconds(times[i], file, at + ".times[" + i + "]");
      }
      Samples samples = Samples.of(times);
      double mean = WelchTTest.mean(times);
      result.primaryTime(mean, Statistic.MEAN).samples(samples).secondsFromSamples(samples);
      reportedNs = mean / NS;
    } else {
      reportedNs = Checked.number(body, "time", file, at);
      result.primaryTime(Checked.seconds(reportedNs * NS, file, at + ".time"), Statistic.ESTIMATE);
    }
    double memory = Checked.nonNegative(Checked.number(body, "memory", file, at), file, at);
    double allocs = Checked.nonNegative(Checked.number(body, "allocs", file, at), file, at);
    result.bytesPerOp(memory).metric("allocs", allocs, "allocs/op");
    JsonNode params = body.path("params").path(1);
    String gctime =
        body.has("gctime") ? JsNumbers.format(body.get("gctime").asDouble()) : "(per sample)";
    result
        .reported(
            reportedNs,
            "ns",
            null,
            "gctime="
                + gctime
                + "\nmemory="
                + JsNumbers.format(memory)
                + "\nallocs="
                + JsNumbers.format(allocs)
                + "\nparams="
                + params)
        .detail("evals", params.path("evals").asText(null))
        .detail("samples", params.path("samples").asText(null));
    return result.build();
  }
}
