package dev.dxexporter.collect.build;

import dev.dxexporter.collect.input.InputException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The summary table at the top of a cargo timing report: {@code <td>Label:</td><td>value</td>} rows
 * (Targets, Profile, Fresh units, Dirty units, Total units, Max concurrency, Build start, Total
 * time, rustc, and Error when the build failed). The layout has been the same since 2019 except for
 * whitespace and rows added at the end.
 */
final class CargoSummaryTable {
  private record Row(String value, int line) {}

  private static final Pattern ROW =
      Pattern.compile(
          "<td[^>]*>\\s*([A-Za-z][A-Za-z ()]*?):\\s*</td>\\s*<td[^>]*>(.*?)</td>", Pattern.DOTALL);
  private static final Pattern TOTAL_TIME = Pattern.compile("^(\\d+(?:\\.\\d+)?)s\\b.*");
  private static final Pattern CONCURRENCY = Pattern.compile("^(\\d+) \\(jobs=(\\d+)\\b.*");
  private static final Pattern COUNT = Pattern.compile("^\\d{1,15}$");

  private final Path file;
  private final Map<String, Row> rows = new HashMap<>();

  private CargoSummaryTable(Path file) {
    this.file = file;
  }

  /** The summary table of {@code html}; empty when the report has none. */
  static CargoSummaryTable of(String html, Path file) {
    CargoSummaryTable table = new CargoSummaryTable(file);
    int start = html.indexOf("summary-table");
    if (start < 0) {
      return table;
    }
    int end = html.indexOf("</table>", start);
    Matcher row = ROW.matcher(html).region(start, end < 0 ? html.length() : end);
    while (row.find()) {
      table.rows.putIfAbsent(
          row.group(1).strip(), new Row(row.group(2).strip(), lineAt(html, row.start())));
    }
    return table;
  }

  /** The row's text, markup removed ({@code <br>} becomes a line break). */
  Optional<String> text(String label) {
    Row row = rows.get(label);
    if (row == null) {
      return Optional.empty();
    }
    String text = row.value().replaceAll("(?i)<br\\s*/?>", "\n").replaceAll("<[^>]*>", "");
    return Optional.of(text.strip());
  }

  /** The first line of the row's text. */
  Optional<String> firstLine(String label) {
    return text(label).map(t -> t.lines().findFirst().orElse("").strip());
  }

  OptionalInt count(String label) throws InputException {
    Optional<String> text = text(label);
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    if (!COUNT.matcher(text.get()).matches()) {
      throw bad(label, "not a count");
    }
    return OptionalInt.of(Math.toIntExact(Long.parseLong(text.get())));
  }

  /** "Total time: 69.8s (1m 9.8s)" as 69.8. */
  OptionalDouble totalSeconds() throws InputException {
    Optional<String> text = text("Total time");
    if (text.isEmpty()) {
      return OptionalDouble.empty();
    }
    Matcher m = TOTAL_TIME.matcher(text.get());
    if (!m.matches()) {
      throw bad("Total time", "not a number of seconds");
    }
    return OptionalDouble.of(
        BuildNumbers.seconds(
            Double.parseDouble(m.group(1)), file, rows.get("Total time").line(), "Total time"));
  }

  /** "Max concurrency: 4 (jobs=4 ncpu=4)" as its first number, or the jobs. */
  OptionalInt concurrency(boolean jobs) throws InputException {
    Optional<String> text = text("Max concurrency");
    if (text.isEmpty()) {
      return OptionalInt.empty();
    }
    Matcher m = CONCURRENCY.matcher(text.get());
    if (!m.matches() || m.group(jobs ? 2 : 1).length() > 9) {
      throw bad("Max concurrency", "not `N (jobs=J ...)`");
    }
    return OptionalInt.of(Integer.parseInt(m.group(jobs ? 2 : 1)));
  }

  /** "Build start", as cargo writes it ({@code 2019-10-10T00:38:48Z}); empty when unreadable. */
  Optional<Instant> buildStart() {
    try {
      return text("Build start").map(Instant::parse);
    } catch (DateTimeParseException e) {
      return Optional.empty(); // informational only: never a reason to refuse the report
    }
  }

  private InputException bad(String label, String problem) {
    Row row = rows.get(label);
    return new InputException(
        file, row.line(), 0, "summary row `" + label + ": " + row.value() + "` is " + problem);
  }

  /** The 1-based line of {@code offset} in {@code text}. */
  static int lineAt(String text, int offset) {
    int line = 1;
    for (int i = 0; i < offset; i++) {
      if (text.charAt(i) == '\n') {
        line++;
      }
    }
    return line;
  }
}
