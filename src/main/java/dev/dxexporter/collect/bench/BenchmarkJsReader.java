package dev.dxexporter.collect.bench;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * benchmark.js console output, {@code String(benchmark)}: {@code fib(20) x 11,465 ops/sec ±1.12%
 * (91 runs sampled)}. The name is everything before the last {@code " x "}; the value is operations
 * per second (1 / mean time), the primary value as normalised {@code ops/s}; {@code ±1.12%} is
 * benchmark.js's relative margin of error (95 %), kept as the reported range.
 */
final class BenchmarkJsReader implements TextBenchmarkReader {
  private static final Pattern REST =
      Pattern.compile(
          "^ x ([0-9,.]+)\\s+(\\S+)\\s+((?:±|\\+-)[^%]+%) \\((\\d+) runs? sampled\\)\\s*$");

  @Override
  public List<BenchmarkResult> read(String text, Path file) throws InputException {
    List<BenchmarkResult> out = new ArrayList<>();
    String[] lines = TextBenchmarkReader.lines(text);
    for (int i = 0; i < lines.length; i++) {
      int x = lines[i].lastIndexOf(" x ");
      if (x <= 0) {
        continue;
      }
      Matcher m = REST.matcher(lines[i].substring(x));
      if (!m.matches()) {
        continue;
      }
      int column = x + m.start(1) + 1;
      double value = TextBenchmarkReader.number(m.group(1), file, i + 1, column);
      Checked.nonNegative(value, file, i + 1, column, "operations per second");
      String unit = m.group(2);
      ResultBuilder result =
          new ResultBuilder(lines[i].substring(0, x), BenchmarkFormat.BENCHMARK_JS);
      Throughput rate = Units.throughput(value, unit);
      if (rate != null) {
        result.primaryThroughput(rate);
      } else {
        result.primary(value, unit, null);
      }
      result
          .reported(value, unit, m.group(3), m.group(4) + " samples")
          .detail("samples", m.group(4));
      out.add(result.build());
    }
    return out;
  }
}
