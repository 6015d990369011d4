package dev.dxexporter.collect.build;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken and hostile timing reports: a located error each, and the next report still reads. */
class CargoTimingsBadInputTest {
  private static final String FIXTURE =
      "cargo-timings/generated-locally/cargo-1.95.0/cargo-timing.html";

  @TempDir Path tmp;
  private final CargoTimingsReader reader = new CargoTimingsReader();

  private Path variant(String name, String from, String to) throws Exception {
    String html = BuildFixtures.text(FIXTURE);
    assertThat(html).contains(from);
    Path file = tmp.resolve(name);
    Files.writeString(file, html.replaceFirst(Pattern.quote(from), to));
    return file;
  }

  /** The 1-based line of the first occurrence of {@code needle} in {@code file}. */
  private static int lineOf(Path file, String needle) throws Exception {
    String text = Files.readString(file);
    return CargoSummaryTable.lineAt(text, text.indexOf(needle));
  }

  private InputException failure(Path file) {
    InputException e = catchThrowableOfType(() -> reader.read(file), InputException.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.getMessage()).startsWith(file.toString());
    return e;
  }

  @Test
  void htmlWithoutUnitDataIsNotATimingReport() throws Exception {
    Path file = tmp.resolve("page.html");
    Files.writeString(file, "<html><body><h1>Cargo Build Timings</h1></body></html>");
    assertThat(failure(file).problem())
        .contains("UNIT_DATA")
        .contains("not a cargo --timings report");
  }

  @Test
  void nanIsRefusedAtItsLineAndColumn() throws Exception {
    Path file = variant("nan.html", "\"duration\": 0.45,", "\"duration\": NaN,");
    InputException e = failure(file);
    assertThat(e.line()).isEqualTo(lineOf(file, "NaN"));
    String line = Files.readAllLines(file).get(e.line() - 1);
    // Jackson reports where it stopped: on the token or just after it.
    assertThat(e.column()).isBetween(line.indexOf("NaN") + 1, line.indexOf("NaN") + 1 + 4);
    assertThat(e.problem()).contains("not valid JSON").contains("NaN");
  }

  @Test
  void aTruncatedReportIsRefused() throws Exception {
    String html = BuildFixtures.text(FIXTURE);
    Path file = tmp.resolve("cut.html");
    Files.writeString(file, html.substring(0, html.indexOf("\"name\": \"gamma\"")));
    InputException e = failure(file);
    assertThat(e.problem()).contains("not valid JSON").contains("end-of-input");
    assertThat(e.line()).isEqualTo(Files.readAllLines(file).size());
  }

  @Test
  void negativeAndAbsurdDurationsAreRefusedAtTheirUnit() throws Exception {
    Path negative = variant("negative.html", "\"duration\": 0.45,", "\"duration\": -0.45,");
    InputException e = failure(negative);
    assertThat(e.problem()).contains("alpha").contains("`duration`").contains("negative");
    assertThat(e.line()).isEqualTo(lineOf(negative, "\"i\": 0,") - 1); // the unit's `{`

    Path absurd = variant("absurd.html", "\"start\": 0.9,", "\"start\": 1e12,");
    assertThat(failure(absurd).problem()).contains("`start`").contains("absurd");

    Path text = variant("string.html", "\"duration\": 0.25,", "\"duration\": \"0.25\",");
    assertThat(failure(text).problem()).contains("not a number");
  }

  @Test
  void aUnitWithoutANameOrAMalformedSectionIsRefused() throws Exception {
    assertThat(failure(variant("noname.html", "\"name\": \"alpha\",", "")).problem())
        .contains("without `name`");
    assertThat(
            failure(
                    variant(
                        "section.html", "\"frontend\",\n        {", "\"frontend\",\n        [{"))
                .problem())
        .contains("not valid JSON");
    Path badSection =
        variant(
            "section2.html",
            "\"start\": 0.34,\n          \"end\": 0.45",
            "\"start\": -1, \"end\": 0.45");
    assertThat(failure(badSection).problem()).contains("section codegen").contains("negative");
  }

  @Test
  void anUnreadableSummaryRowIsRefusedAtItsLine() throws Exception {
    Path file =
        variant(
            "summary.html",
            "<td>Total time:</td><td>1.6s</td>",
            "<td>Total time:</td><td>soon</td>");
    InputException e = failure(file);
    assertThat(e.problem()).contains("Total time").contains("soon");
    assertThat(e.line()).isEqualTo(lineOf(file, "Total time:"));
  }

  @Test
  void aHugeFileIsRefusedByTheSizeCapAndTheNextReportStillReads() throws Exception {
    CargoTimingsReader small = new CargoTimingsReader(new BoundedFiles(10_000));
    Path file = BuildFixtures.path(FIXTURE);
    assertThatThrownBy(() -> small.read(file))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("larger than the limit of 10000 bytes");
    Path tiny = tmp.resolve("tiny.html");
    Files.writeString(tiny, "<script>\nconst UNIT_DATA = [];\n</script>");
    CargoTimings empty = small.read(tiny);
    assertThat(empty.units()).isEmpty();
    assertThat(empty.totalSeconds()).isZero();
    assertThat(empty.totalUnits()).isEmpty();
  }

  @Test
  void aReportOverTheHeapFittingCapIsRefusedNamingTheFileWhileOneAtTheCapReads() throws Exception {
    String html = BuildFixtures.text(FIXTURE);
    int at = html.indexOf("</body>");
    Path atCap = tmp.resolve("at-cap.html");
    Files.writeString(
        atCap,
        html.substring(0, at)
            + "<!--"
            + "x".repeat((int) CargoTimingsReader.MAX_BYTES - html.getBytes(UTF_8).length - 7)
            + "-->"
            + html.substring(at));
    assertThat(Files.size(atCap)).isEqualTo(CargoTimingsReader.MAX_BYTES);
    assertThat(reader.read(atCap).units()).isNotEmpty();

    Path over = tmp.resolve("over.html");
    Files.writeString(over, Files.readString(atCap) + "\n");
    InputException e = failure(over);
    assertThat(e.problem()).isEqualTo("file is larger than the limit of 8388608 bytes");
  }
}
