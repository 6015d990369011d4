package dev.dxexporter.collect.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * github-action-benchmark's custom JSON: an array of {@code {name, value, unit, range?, extra?}}.
 * The file does not say which way is better; the format the user names does ({@code
 * customBiggerIsBetter} / {@code customSmallerIsBetter}). A unit that has a direction of its own
 * wins over the declaration (a time is better lower, a rate higher, see {@link Units#direction}); a
 * time unit also fills {@link BenchmarkResult#seconds()} as {@link Statistic#ESTIMATE}, since the
 * file does not say which statistic the value is.
 */
final class CustomBenchmarkReader implements JsonBenchmarkReader {
  private final BenchmarkFormat format;
  private final Direction declared;

  CustomBenchmarkReader(BenchmarkFormat format) {
    this.format = format;
    this.declared =
        format == BenchmarkFormat.CUSTOM_BIGGER_IS_BETTER
            ? Direction.HIGHER_IS_BETTER
            : Direction.LOWER_IS_BETTER;
  }

  @Override
  public List<BenchmarkResult> read(JsonNode root, Path file) throws InputException {
    if (!root.isArray()) {
      throw new InputException(file, "custom benchmark JSON must be an array of results");
    }
    List<BenchmarkResult> out = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      JsonNode e = root.get(i);
      String at = "[" + i + "]";
      String name = Checked.text(e, "name", file, at);
      double value = Checked.number(e, "value", file, at);
      String unit = Checked.text(e, "unit", file, at);
      ResultBuilder result = new ResultBuilder(name, format);
      double perSecond = Units.secondsPer(unit);
      Throughput rate = Units.throughput(value, unit);
      if (!Double.isNaN(perSecond)) {
        result.primaryTime(
            Checked.seconds(value * perSecond, file, at + ".value"), Statistic.ESTIMATE);
      } else if (rate != null) {
        Checked.nonNegative(value, file, at + ".value");
        result.primaryThroughput(rate);
      } else {
        result.primary(value, unit, declared);
      }
      JsonNode range = e.get("range");
      JsonNode extra = e.get("extra");
      result.reported(value, unit, text(range), text(extra));
      out.add(result.build());
    }
    return out;
  }

  private static String text(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    return node.isNumber() ? JsNumbers.format(node.asDouble()) : node.asText();
  }
}
