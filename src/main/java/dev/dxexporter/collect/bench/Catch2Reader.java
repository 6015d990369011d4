package dev.dxexporter.collect.bench;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Catch2's console output of {@code BENCHMARK}s, v2 ({@code estimated}) and v3 ({@code est run
 * time}): after the {@code benchmark name samples iterations estimated} header and its dashed
 * separator, each benchmark is three lines — name, samples, iterations, estimated run time; then
 * mean, low mean, high mean; then std dev, low std dev, high std dev — and a blank line.
 *
 * <p>The mean is the primary time; [low mean, high mean] is Catch2's bootstrap confidence interval
 * (95 % by default, {@code --benchmark-confidence-interval}); the standard deviation is read in its
 * own unit. github-action-benchmark writes that deviation's number after the mean's unit ({@code
 * 3.789 us ± 362} where Catch2 printed {@code 362 ns}); the reported range here keeps the
 * deviation's own unit ({@code ± 362 ns}).
 */
final class Catch2Reader implements TextBenchmarkReader {
  private static final Pattern HEADER =
      Pattern.compile("^benchmark name +samples +iterations +(estimated|est run time)");
  private static final Pattern START =
      Pattern.compile("^(.*?)\\s+(\\d+)\\s+(\\d+)\\s+\\d+(?:\\.\\d+)?\\s*(?:ns|us|µs|ms|s|m)\\s*$");
  private static final String VALUE = "(\\d+(?:\\.\\d+)?(?:e[+-]?\\d+)?)\\s*(ns|us|µs|ms|s|m)";
  private static final Pattern TRIPLE =
      Pattern.compile("^\\s+" + VALUE + "\\s+" + VALUE + "\\s+" + VALUE + "\\s*$");

  @Override
  public List<BenchmarkResult> read(String text, Path file) throws InputException {
    String[] lines = TextBenchmarkReader.lines(text);
    List<BenchmarkResult> out = new ArrayList<>();
    int i = 0;
    while (i < lines.length) {
      if (!HEADER.matcher(lines[i]).find()) {
        i++;
        continue;
      }
      i++;
      while (i < lines.length && !lines[i].matches("^-+\\s*$")) {
        i++;
      }
      if (i == lines.length) {
        throw new InputException(file, i, 0, "no '-----' separator after the benchmark header");
      }
      i++;
      while (i < lines.length) {
        Matcher start = START.matcher(lines[i]);
        if (!start.matches() || start.group(1).isBlank()) {
          break;
        }
        out.add(benchmark(start, lines, i, file));
        i += 3;
        if (i < lines.length && lines[i].isBlank()) {
          i++; // the blank line closing each benchmark
        }
      }
    }
    return out;
  }

  private static BenchmarkResult benchmark(Matcher start, String[] lines, int at, Path file)
      throws InputException {
    String name = start.group(1).strip();
    Matcher mean = triple(lines, at + 1, file, "mean", name);
    Matcher stddev = triple(lines, at + 2, file, "std dev", name);
    int line = at + 2;
    ResultBuilder result = new ResultBuilder(name, BenchmarkFormat.CATCH2);
    double meanValue = Double.parseDouble(mean.group(1));
    String meanUnit = mean.group(2);
    result.primaryTime(seconds(mean, 1, file, line, "mean"), Statistic.MEAN);
    result.interval(
        new ConfidenceInterval(
            seconds(mean, 3, file, line, "low mean"),
            seconds(mean, 5, file, line, "high mean"),
            Double.NaN));
    result.seconds(Statistic.STDDEV, seconds(stddev, 1, file, line + 1, "std dev"));
    result
        .reported(
            meanValue,
            meanUnit,
            "± " + stddev.group(1) + " " + stddev.group(2),
            start.group(2) + " samples\n" + start.group(3) + " iterations")
        .detail("samples", start.group(2))
        .detail("iterations", start.group(3));
    return result.build();
  }

  private static Matcher triple(String[] lines, int index, Path file, String what, String name)
      throws InputException {
    Matcher m = index < lines.length ? TRIPLE.matcher(lines[index]) : null;
    if (m == null || !m.matches()) {
      throw new InputException(
          file, index + 1, 0, "expected the " + what + " line of benchmark '" + name + "'");
    }
    return m;
  }

  private static double seconds(Matcher m, int group, Path file, int line, String what)
      throws InputException {
    double value = Double.parseDouble(m.group(group));
    double factor = m.group(group + 1).equals("m") ? 60 : Units.secondsPer(m.group(group + 1));
    return Checked.seconds(value * factor, file, line, m.start(group) + 1, what);
  }
}
