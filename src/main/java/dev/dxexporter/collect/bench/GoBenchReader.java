package dev.dxexporter.collect.bench;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code go test -bench} output, after the Go benchmark data format (proposal 14313): a result line
 * is {@code <name> <iterations> <value> <unit> [<value> <unit>...]}, whitespace separated, the name
 * starting with {@code Benchmark} and ending with {@code -<GOMAXPROCS>} when that is not 1; {@code
 * pkg: …} configuration lines name the package of the lines after them.
 *
 * <ul>
 *   <li>{@code ns/op} is the primary time (a mean over {@code b.N} iterations); {@code -benchmem}'s
 *       {@code B/op} gives {@link BenchmarkResult#bytesPerOp()}, {@code MB/s} ({@code b.SetBytes},
 *       10⁶ bytes) the throughput; every pair after the first is also kept as a {@link Metric}
 *       ({@code allocs/op}, {@code b.ReportMetric} units).
 *   <li>Lines repeated by {@code -count N} (same package, name and procs) are one result whose
 *       {@link BenchmarkResult#samples() samples} are the N {@code ns/op} values, their mean the
 *       primary value — as benchstat reads them. github-action-benchmark keeps them as separate
 *       entries of one name.
 *   <li>A name that occurs in two packages gets {@code " (<package>)"} appended, as
 *       github-action-benchmark does; one that occurs with several procs counts ({@code -cpu
 *       1,2,4}) keeps its {@code -N} suffix.
 * </ul>
 */
final class GoBenchReader implements TextBenchmarkReader {
  private static final Pattern PROCS = Pattern.compile("^(.+?)-(\\d+)$");
  private static final Pattern FIELDS = Pattern.compile("\\s+");

  private record Line(
      String pkg, String name, String procs, long iterations, String[] pairs, int line) {}

  @Override
  public List<BenchmarkResult> read(String text, Path file) throws InputException {
    List<Line> parsed = new ArrayList<>();
    String pkg = "";
    String[] lines = TextBenchmarkReader.lines(text);
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i].strip();
      if (l.startsWith("pkg:")) {
        pkg = l.substring(4).strip();
        continue;
      }
      if (!l.startsWith("Benchmark")) {
        continue;
      }
      String[] f = FIELDS.split(l);
      if (f.length < 4 || f.length % 2 != 0 || !f[1].matches("\\d+")) {
        continue; // a bare name line (-v), "BenchmarkX ... FAIL", or not a result
      }
      String name = f[0];
      String procs = null;
      Matcher m = PROCS.matcher(name);
      if (m.matches()) {
        name = m.group(1);
        procs = m.group(2);
      }
      String[] pairs = new String[f.length - 2];
      System.arraycopy(f, 2, pairs, 0, pairs.length);
      parsed.add(new Line(pkg, name, procs, Long.parseLong(f[1]), pairs, i + 1));
    }
    return group(parsed, file);
  }

  private List<BenchmarkResult> group(List<Line> parsed, Path file) throws InputException {
    Map<String, Set<String>> packagesOfName = new HashMap<>();
    Map<String, Set<String>> procsOfName = new HashMap<>();
    Map<String, List<Line>> runs = new LinkedHashMap<>();
    for (Line l : parsed) {
      packagesOfName.computeIfAbsent(l.name(), k -> new HashSet<>()).add(l.pkg());
      procsOfName.computeIfAbsent(l.pkg() + "\0" + l.name(), k -> new HashSet<>()).add(l.procs());
      runs.computeIfAbsent(l.pkg() + "\0" + l.name() + "\0" + l.procs(), k -> new ArrayList<>())
          .add(l);
    }
    List<BenchmarkResult> out = new ArrayList<>();
    for (List<Line> run : runs.values()) {
      Line first = run.get(0);
      String name = first.name();
      if (procsOfName.get(first.pkg() + "\0" + name).size() > 1 && first.procs() != null) {
        name = name + "-" + first.procs();
      }
      if (packagesOfName.get(first.name()).size() > 1) {
        name = name + " (" + first.pkg() + ")";
      }
      out.add(result(name, run, file));
    }
    return out;
  }

  private BenchmarkResult result(String name, List<Line> run, Path file) throws InputException {
    Line first = run.get(0);
    Map<String, List<Double>> byUnit = new LinkedHashMap<>();
    for (Line l : run) {
      String[] p = l.pairs();
      for (int i = 0; i < p.length; i += 2) {
        double v = TextBenchmarkReader.number(p[i], file, l.line(), 0);
        Checked.nonNegative(v, file, l.line(), 0, "value of " + p[i + 1]);
        byUnit.computeIfAbsent(p[i + 1], k -> new ArrayList<>()).add(v);
      }
    }
    ResultBuilder result = new ResultBuilder(name, BenchmarkFormat.GO);
    String primaryUnit = byUnit.containsKey("ns/op") ? "ns/op" : first.pairs()[1];
    double[] primary = byUnit.get(primaryUnit).stream().mapToDouble(Double::doubleValue).toArray();
    double mean = WelchTTest.mean(primary);
    double perSecond = Units.secondsPer(primaryUnit);
    if (!Double.isNaN(perSecond)) {
      double[] seconds = new double[primary.length];
      for (int i = 0; i < seconds.length; i++) {
        seconds[i] = Checked.seconds(primary[i] * perSecond, file, first.line(), 0, primaryUnit);
      }
      Samples samples = Samples.of(seconds);
      result.primaryTime(mean * perSecond, Statistic.MEAN).samples(samples);
      if (seconds.length > 1) {
        result.secondsFromSamples(samples);
      }
    } else {
      result.primary(mean, primaryUnit, null).samples(Samples.of(primary));
    }
    for (Map.Entry<String, List<Double>> e : byUnit.entrySet()) {
      double m = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
      if (e.getKey().equals("B/op")) {
        result.bytesPerOp(m);
      } else if (e.getKey().equals("MB/s")) {
        result.throughput(new Throughput(m * 1e6, Units.BYTES_PER_SECOND));
      }
      if (!e.getKey().equals(primaryUnit)) {
        result.metric(e.getKey(), m, e.getKey());
      }
    }
    String extra = first.iterations() + " times";
    if (first.procs() != null) {
      extra += "\n" + first.procs() + " procs";
    }
    if (run.size() > 1) {
      extra += "\n" + run.size() + " runs";
    }
    result
        .reported(mean, primaryUnit, null, extra)
        .detail("iterations", first.iterations())
        .detail("procs", first.procs())
        .detail("package", first.pkg().isEmpty() ? null : first.pkg())
        .detail("runs", run.size());
    return result.build();
  }
}
