package dev.dxexporter.collect.bench;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The output of Luau's benchmark runner ({@code bench/bench.py}): {@code SUCCESS: base64 : 15.041ms
 * +/- 0.636% on luau} per benchmark. The time is the average over the runs (the results table's
 * {@code Average} column), the percentage the standard deviation relative to it; the driver ({@code
 * luau}) is kept as a detail. The summary table below is not read again.
 */
final class LuauBenchmarkReader implements TextBenchmarkReader {
  private static final Pattern LINE =
      Pattern.compile(
          "^SUCCESS:\\s+(.+?)\\s+:\\s+(\\d+(?:\\.\\d+)?)(ns|us|ms|s)\\s+\\+/-\\s+"
              + "(\\d+(?:\\.\\d+)?)%\\s+on\\s+(\\S+)\\s*$");

  @Override
  public List<BenchmarkResult> read(String text, Path file) throws InputException {
    List<BenchmarkResult> out = new ArrayList<>();
    String[] lines = TextBenchmarkReader.lines(text);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = LINE.matcher(lines[i]);
      if (!m.matches()) {
        continue;
      }
      double value = Double.parseDouble(m.group(2));
      double seconds =
          Checked.seconds(
              value * Units.secondsPer(m.group(3)), file, i + 1, m.start(2) + 1, "average time");
      double relative = Double.parseDouble(m.group(4)) / 100;
      ResultBuilder result = new ResultBuilder(m.group(1), BenchmarkFormat.LUAU);
      result
          .primaryTime(seconds, Statistic.MEAN)
          .seconds(Statistic.STDDEV, seconds * relative)
          .reported(value, m.group(3), "±" + m.group(4) + "%", m.group(5))
          .detail("driver", m.group(5));
      out.add(result.build());
    }
    return out;
  }
}
