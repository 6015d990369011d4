package dev.dxexporter.collect.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every input of github-action-benchmark's extractor tests against its Jest snapshot ({@code
 * test/__snapshots__/extract.spec.ts.snap}, parsed here as the expectation): every expected
 * benchmark of every file must be produced with the same name, value and unit, and the same range
 * and extra text (numbers compared as numbers: JavaScript and Java print some differently, e.g.
 * {@code 5} and {@code 5.0}); and nothing beyond them.
 *
 * <p>Deliberate differences, each asserted in its own form below:
 *
 * <ul>
 *   <li>Go lines with several metrics: github-action-benchmark emits the line once under the plain
 *       name with the whole remainder as its unit ({@code "ns/op\t0 B/op\t0 allocs/op"}, kept "for
 *       backwards compatibility"), then once per metric as {@code "<name> - <unit>"}. Here the line
 *       is one result whose unit is {@code ns/op} and whose other metrics are {@link
 *       BenchmarkResult#metrics()}; the snapshot's per-metric entries are matched to those.
 *   <li>Catch2: github-action-benchmark writes the std dev's number without its unit ({@code ± 362}
 *       next to a mean in {@code us}, where Catch2 printed {@code 362 ns}); the range here keeps
 *       the unit.
 * </ul>
 */
class ActionBenchmarkSnapshotTest {
  static final Path DATA =
      Path.of("src/test/resources/bench/github-action-benchmark/test/data/extract");
  private static final Path SNAPSHOT =
      Path.of(
          "src/test/resources/bench/github-action-benchmark/test/__snapshots__/extract.spec.ts.snap");
  private static final Pattern KEY =
      Pattern.compile("extractResult\\(\\) extracts benchmark output from (\\S+) - (\\S+) 1");
  private static final Pattern NUMBER = Pattern.compile("-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?");

  private final ActionBenchmarkReaders readers = new ActionBenchmarkReaders();

  @Test
  @SuppressWarnings("unchecked")
  void everySnapshotBenchmarkIsExtracted() throws Exception {
    Map<String, Object> snapshot =
        JestSnapshot.parse(Files.readString(SNAPSHOT, StandardCharsets.UTF_8));
    assertThat(snapshot).hasSize(24);
    int compared = 0;
    for (Map.Entry<String, Object> entry : snapshot.entrySet()) {
      Matcher key = KEY.matcher(entry.getKey());
      assertThat(key.matches()).as(entry.getKey()).isTrue();
      BenchmarkFormat format = BenchmarkFormat.ofToolName(key.group(1)).orElseThrow();
      Path file = DATA.resolve(key.group(2));
      Map<String, Object> expected = (Map<String, Object>) entry.getValue();
      assertThat(expected.get("tool")).isEqualTo(format.toolName());
      List<BenchmarkResult> results = readers.read(file, format);
      compared +=
          compare(file, format, results, (List<Map<String, Object>>) expected.get("benches"));
      if (format == BenchmarkFormat.CUSTOM_BIGGER_IS_BETTER
          || format == BenchmarkFormat.CUSTOM_SMALLER_IS_BETTER) {
        assertThat(BenchmarkFormat.detect(Files.readString(file))).as(file.toString()).isEmpty();
      } else {
        assertThat(BenchmarkFormat.detect(Files.readString(file)))
            .as(file.toString())
            .contains(format);
        assertThat(readers.read(file)).as("detected " + file).isEqualTo(results);
      }
    }
    assertThat(compared).isEqualTo(113);
  }

  private static int compare(
      Path file,
      BenchmarkFormat format,
      List<BenchmarkResult> results,
      List<Map<String, Object>> benches) {
    Map<String, BenchmarkResult> byName = new java.util.LinkedHashMap<>();
    results.forEach(r -> byName.put(r.name(), r));
    assertThat(byName).as("unique names in " + file).hasSize(results.size());
    Set<String> seen = new HashSet<>();
    for (Map<String, Object> e : benches) {
      String name = (String) e.get("name");
      String at = file.getFileName() + ": " + name;
      double value = (Double) e.get("value");
      String unit = (String) e.get("unit");
      BenchmarkResult r = byName.get(name);
      Matcher metric = Pattern.compile("^(.*) - (\\S+)$").matcher(name);
      if (r != null) {
        seen.add(name);
        assertThat(r.reported().value()).as(at).isEqualTo(value);
        if (format == BenchmarkFormat.GO && unit.matches(".*\\s.*")) {
          unit = unit.split("\\s+")[0]; // the compatibility entry: see the class comment
        }
        assertThat(r.reported().unit()).as(at).isEqualTo(unit);
        String range = r.reported().range();
        if (format == BenchmarkFormat.CATCH2 && range != null) {
          assertThat(range).as(at).matches("± \\S+ (ns|us|ms|s)");
          range = range.replaceFirst(" (ns|us|ms|s)$", "");
        }
        assertSameText(range, (String) e.get("range"), at + " range");
        assertSameText(r.reported().extra(), (String) e.get("extra"), at + " extra");
      } else if (format == BenchmarkFormat.GO
          && metric.matches()
          && byName.containsKey(metric.group(1))) {
        BenchmarkResult line = byName.get(metric.group(1));
        String metricUnit = metric.group(2);
        assertThat(unit).isEqualTo(metricUnit);
        double actual =
            metricUnit.equals(line.reported().unit())
                ? line.reported().value()
                : line.metric(metricUnit).value();
        assertThat(actual).as(at).isEqualTo(value);
        assertSameText(line.reported().extra(), (String) e.get("extra"), at + " extra");
      } else {
        fail("%s: expected benchmark %s was not extracted; got %s", file, name, byName.keySet());
      }
    }
    assertThat(seen).as("no benchmark beyond the snapshot in " + file).isEqualTo(byName.keySet());
    return benches.size();
  }

  /** Equal text, numbers compared as numbers (relative 1e-12). */
  static void assertSameText(String actual, String expected, String what) {
    if (expected == null || actual == null) {
      assertThat(actual).as(what).isEqualTo(expected);
      return;
    }
    List<String> a = tokens(actual);
    List<String> b = tokens(expected);
    assertThat(a).as(what + ": " + actual + " vs " + expected).hasSameSizeAs(b);
    for (int i = 0; i < a.size(); i++) {
      String x = a.get(i);
      String y = b.get(i);
      if (NUMBER.matcher(x).matches() && NUMBER.matcher(y).matches()) {
        double dx = Double.parseDouble(x);
        double dy = Double.parseDouble(y);
        assertThat(Math.abs(dx - dy))
            .as(what + ": " + x + " vs " + y)
            .isLessThanOrEqualTo(1e-12 * Math.max(Math.abs(dx), Math.abs(dy)));
      } else {
        assertThat(x).as(what).isEqualTo(y);
      }
    }
  }

  private static List<String> tokens(String s) {
    List<String> out = new ArrayList<>();
    Matcher m = NUMBER.matcher(s);
    int last = 0;
    while (m.find()) {
      if (m.start() > last) {
        out.add(s.substring(last, m.start()));
      }
      out.add(m.group());
      last = m.end();
    }
    if (last < s.length()) {
      out.add(s.substring(last));
    }
    return out;
  }
}
