package dev.dxexporter.collect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON and CSV files inside a criterion run directory, in both layouts: criterion 0.3.4 and
 * later write {@code estimates.json} as {@code {mean, median, median_abs_dev, slope, std_dev}}
 * ({@code slope} null under flat sampling) and {@code sample.json} as {@code {sampling_mode, iters,
 * times}}; older versions (0.2, early 0.3) keyed the estimates by the statistic's enum name ({@code
 * Mean}, {@code MedianAbsDev}, {@code StdDev}, …) and wrote the sample as {@code [[iters],
 * [times]]}. Times are the measurement's unit (nanoseconds for wall time) for the whole sample of
 * {@code iters} iterations; estimates are per iteration.
 */
final class CriterionFiles {
  /** One absolute or relative estimate with its interval. */
  record Estimate(double point, ConfidenceInterval interval, double standardError) {}

  /** {@code sample.json}: iteration counts and measured totals, one pair per sample. */
  record SavedSample(String samplingMode, double[] iters, double[] times) {
    double[] perIteration() {
      double[] avg = new double[iters.length];
      for (int i = 0; i < avg.length; i++) {
        avg[i] = times[i] / iters[i];
      }
      return avg;
    }
  }

  private static final Map<String, String> OLD_KEYS =
      Map.of(
          "Mean", "mean",
          "Median", "median",
          "MedianAbsDev", "median_abs_dev",
          "Slope", "slope",
          "StdDev", "std_dev");

  private CriterionFiles() {}

  /** Statistic name (new-layout spelling) to estimate; a null statistic (slope) is absent. */
  static Map<String, Estimate> estimates(JsonNode root, Path file) throws InputException {
    if (!root.isObject()) {
      throw new InputException(file, "estimates must be a JSON object");
    }
    Map<String, Estimate> out = new HashMap<>();
    for (Map.Entry<String, JsonNode> e : root.properties()) {
      if (e.getValue().isNull()) {
        continue;
      }
      String key = OLD_KEYS.getOrDefault(e.getKey(), e.getKey());
      out.put(key, estimate(e.getValue(), file, e.getKey()));
    }
    if (!out.containsKey("mean")) {
      throw new InputException(file, "no `mean` estimate (not a criterion estimates.json?)");
    }
    return out;
  }

  private static Estimate estimate(JsonNode node, Path file, String at) throws InputException {
    double point = Checked.number(node, "point_estimate", file, at);
    JsonNode ci = node.get("confidence_interval");
    ConfidenceInterval interval = null;
    if (ci != null && ci.isObject()) {
      String where = at + ".confidence_interval";
      Double level = Checked.optionalNumber(ci, "confidence_level", file, where);
      interval =
          new ConfidenceInterval(
              Checked.number(ci, "lower_bound", file, where),
              Checked.number(ci, "upper_bound", file, where),
              level == null ? Double.NaN : level);
    }
    Double se = Checked.optionalNumber(node, "standard_error", file, at);
    return new Estimate(point, interval, se == null ? Double.NaN : se);
  }

  static SavedSample sample(JsonNode root, Path file) throws InputException {
    JsonNode iters;
    JsonNode times;
    String mode = null;
    if (root.isArray() && root.size() == 2) { // [[iters], [times]]
      iters = root.get(0);
      times = root.get(1);
    } else if (root.isObject()) {
      iters = root.get("iters");
      times = root.get("times");
      mode = root.path("sampling_mode").asText(null);
    } else {
      throw new InputException(file, "not a criterion sample: expected {iters, times}");
    }
    double[] n = Checked.nonNegativeArray(iters, 1, file, "iters");
    double[] t = Checked.nonNegativeArray(times, 1, file, "times");
    if (n.length != t.length || n.length == 0) {
      throw new InputException(
          file, "iters and times differ in length (" + n.length + " vs " + t.length + ")");
    }
    for (int i = 0; i < n.length; i++) {
      if (!(n[i] >= 1)) {
        throw new InputException(file, "at iters[" + i + "]: not a positive iteration count");
      }
    }
    return new SavedSample(mode, n, t);
  }

  /** {@code benchmark.json}; {@code directoryName} is the fallback's id. */
  static CriterionId id(JsonNode root, Path file) throws InputException {
    String group = Checked.text(root, "group_id", file, "benchmark");
    String full = root.path("full_id").isTextual() ? root.get("full_id").asText() : group;
    return new CriterionId(
        full,
        group,
        textOrNull(root.get("function_id")),
        textOrNull(root.get("value_str")),
        textOrNull(root.get("directory_name")),
        throughput(root.get("throughput"), file),
        false);
  }

  private static String textOrNull(JsonNode n) {
    return n == null || n.isNull() ? null : n.asText();
  }

  private static CriterionThroughput throughput(JsonNode t, Path file) throws InputException {
    if (t == null || t.isNull()) {
      return null;
    }
    JsonNode single = t.isArray() && t.size() > 0 ? t.get(0) : t; // cargo-criterion's list form
    if (single.has("ElementsAndBytes")) {
      JsonNode eb = single.get("ElementsAndBytes");
      return new CriterionThroughput(count(eb, "elements", file), count(eb, "bytes", file));
    }
    if (single.has("Elements")) {
      return new CriterionThroughput(count(single, "Elements", file), null);
    }
    if (single.has("Bytes")) {
      return new CriterionThroughput(null, count(single, "Bytes", file));
    }
    if (single.has("BytesDecimal")) {
      return new CriterionThroughput(null, count(single, "BytesDecimal", file));
    }
    throw new InputException(file, "at throughput: unknown kind " + single);
  }

  private static long count(JsonNode parent, String field, Path file) throws InputException {
    double v =
        Checked.nonNegative(Checked.number(parent, field, file, "throughput"), file, "throughput");
    return (long) v;
  }

  /** {@code tukey.json}: four fences. */
  static List<Double> tukey(JsonNode root, Path file) throws InputException {
    if (!root.isArray() || root.size() != 4) {
      throw new InputException(file, "tukey fences must be an array of four numbers");
    }
    List<Double> out = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      if (!root.get(i).isNumber() || !Double.isFinite(root.get(i).asDouble())) {
        throw new InputException(file, "at [" + i + "]: not a finite number");
      }
      out.add(root.get(i).asDouble());
    }
    return out;
  }

  /**
   * The measurement unit in {@code raw.csv} (header {@code group,function,value,throughput_num,
   * throughput_type,sample_measured_value,unit,iteration_count}): {@code ns} for wall time,
   * something else for a custom measurement; null when the file has no row.
   */
  static String rawUnit(String csv, Path file) throws InputException {
    String[] lines = csv.split("\r?\n");
    if (lines.length == 0 || !lines[0].startsWith("group,")) {
      throw new InputException(file, 1, 1, "not criterion's raw.csv (no header)");
    }
    List<String> header = List.of(lines[0].split(","));
    int unit = header.indexOf("unit");
    if (unit < 0) {
      throw new InputException(file, 1, 1, "raw.csv header has no `unit` column");
    }
    for (int i = 1; i < lines.length; i++) {
      if (!lines[i].isBlank()) {
        String[] cells = lines[i].split(",", -1); // ids with commas are quoted, the unit is not
        return cells[cells.length - header.size() + unit].strip().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }
}
