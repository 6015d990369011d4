package dev.dxexporter.collect.bench;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code cargo bench} output: libtest's {@code test NAME ... bench: 18,149 ns/iter (+/- 755)} lines
 * and criterion's {@code --output-format bencher} lines, which look the same. Both print the
 * median; libtest's {@code +/-} is max − min of the (winsorised) samples, criterion's the standard
 * deviation, so the spread is kept only as the reported range. libtest's optional {@code = 12 MB/s}
 * (when the bench sets {@code b.bytes}) becomes the throughput. Other units ({@code cycles/iter}
 * from custom harnesses, {@code MS/s}) stay as printed, their direction from the unit.
 */
final class CargoBenchReader implements TextBenchmarkReader {
  private static final Pattern LINE =
      Pattern.compile(
          "^test (.+?)\\s+\\.\\.\\. bench:\\s+([0-9,.]+) (\\S+) \\(\\+/- ([0-9,.]+)\\)"
              + "(?: = ([0-9,.]+) MB/s)?\\s*$");

  @Override
  public List<BenchmarkResult> read(String text, Path file) throws InputException {
    List<BenchmarkResult> out = new ArrayList<>();
    String[] lines = TextBenchmarkReader.lines(text);
    for (int i = 0; i < lines.length; i++) {
      Matcher m = LINE.matcher(lines[i]);
      if (!m.matches()) {
        continue;
      }
      int line = i + 1;
      String name = m.group(1).strip();
      double value =
          Checked.nonNegative(
              TextBenchmarkReader.number(m.group(2), file, line, m.start(2) + 1),
              file,
              line,
              m.start(2) + 1,
              "bench value");
      String unit = m.group(3);
      String range = m.group(4).replace(",", "");
      ResultBuilder result = new ResultBuilder(name, BenchmarkFormat.CARGO);
      double perSecond = Units.secondsPer(unit);
      if (!Double.isNaN(perSecond)) {
        result.primaryTime(
            Checked.seconds(value * perSecond, file, line, m.start(2) + 1, "bench time"),
            Statistic.MEDIAN);
      } else {
        Throughput rate = Units.throughput(value, unit);
        if (rate != null) {
          result.primaryThroughput(rate);
        } else {
          result.primary(value, unit, null);
        }
      }
      if (m.group(5) != null) {
        double mbs = TextBenchmarkReader.number(m.group(5), file, line, m.start(5) + 1);
        result.throughput(new Throughput(mbs * 1e6, Units.BYTES_PER_SECOND));
        result.metric("MB/s", mbs, "MB/s");
      }
      result.reported(value, unit, "± " + range, null);
      out.add(result.build());
    }
    return out;
  }
}
