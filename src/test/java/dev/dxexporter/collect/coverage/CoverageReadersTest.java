package dev.dxexporter.collect.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Format detection from content and name, and the facade's dispatch. */
class CoverageReadersTest {
  @TempDir Path tmp;
  private final CoverageReaders readers = new CoverageReaders();

  record Case(Path file, CoverageFormat format) {}

  static List<Case> everyFixture() {
    List<Case> all = new ArrayList<>();
    Fixtures.files("cobertura", ".xml")
        .forEach(p -> all.add(new Case(p, CoverageFormat.COBERTURA)));
    Fixtures.files("jacoco", ".xml").forEach(p -> all.add(new Case(p, CoverageFormat.JACOCO)));
    for (String suffix : List.of(".lcov.info", ".lcov", "lcov.info", ".snapshot")) {
      Fixtures.files("lcov", suffix).forEach(p -> all.add(new Case(p, CoverageFormat.LCOV)));
    }
    return all.stream().distinct().toList();
  }

  @Test
  void everyFixtureIsCovered() {
    assertThat(everyFixture()).hasSize(10 + 25 + 36 + 6 + 1);
  }

  @ParameterizedTest
  @MethodSource("everyFixture")
  void theContentTellsTheFormatAndTheFacadeReadsAsTheReaderDoes(Case c) throws Exception {
    byte[] bytes = Files.readAllBytes(c.file());
    assertThat(CoverageFormat.fromContent(bytes, bytes.length)).contains(c.format());

    // Under a name that hints at nothing, the facade still reads it right.
    Path anonymous = Path.of("upload.bin");
    CoverageReport viaFacade = readers.read(Fixtures.open(c.file()), anonymous, Optional.empty());
    CoverageReport direct =
        switch (c.format()) {
          case COBERTURA -> new CoberturaReader().read(Fixtures.open(c.file()), anonymous);
          case LCOV -> new LcovReader().read(Fixtures.open(c.file()), anonymous);
          case JACOCO -> new JacocoReader().read(Fixtures.open(c.file()), anonymous);
        };
    assertThat(viaFacade).isEqualTo(direct);
    assertThat(viaFacade.format()).isEqualTo(c.format());
  }

  @Test
  void fileNamesHint() {
    assertThat(CoverageFormat.fromFileName(Path.of("coverage/lcov.info")))
        .contains(CoverageFormat.LCOV);
    assertThat(CoverageFormat.fromFileName(Path.of("a/app.lcov"))).contains(CoverageFormat.LCOV);
    assertThat(CoverageFormat.fromFileName(Path.of("jacocoTestReport.xml")))
        .contains(CoverageFormat.JACOCO);
    assertThat(CoverageFormat.fromFileName(Path.of("cobertura-coverage.xml")))
        .contains(CoverageFormat.COBERTURA);
    assertThat(CoverageFormat.fromFileName(Path.of("coverage.xml")))
        .contains(CoverageFormat.COBERTURA);
    assertThat(CoverageFormat.fromFileName(Path.of("report.xml"))).isEmpty();
    assertThat(CoverageFormat.fromName(" Jacoco ")).contains(CoverageFormat.JACOCO);
    assertThat(CoverageFormat.fromName("clover")).isEmpty();
    assertThat(CoverageFormat.LCOV.id()).isEqualTo("lcov");
  }

  @Test
  void theNameDecidesOnlyWhenTheContentCannot() throws Exception {
    // A Cobertura file whose root lies beyond the sniffed head, behind a long comment.
    String xml =
        "<?xml version=\"1.0\"?>\n<!-- "
            + "x".repeat(CoverageFormat.SNIFF_BYTES)
            + " -->\n"
            + "<coverage lines-covered=\"1\" lines-valid=\"2\"><packages/></coverage>";
    byte[] bytes = xml.getBytes(StandardCharsets.UTF_8);
    assertThat(CoverageFormat.fromContent(bytes, CoverageFormat.SNIFF_BYTES)).isEmpty();
    CoverageReport r =
        readers.read(Fixtures.stream(xml), Path.of("coverage.xml"), Optional.empty());
    assertThat(r.lines()).isEqualTo(new CoverageCount(1, 2));
    assertThatThrownBy(() -> readers.read(Fixtures.stream(xml), Path.of("x.bin"), Optional.empty()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("cannot tell the coverage format");
    // And a name never overrides content: lcov.info holding JaCoCo XML is read as JaCoCo.
    Path jacoco = Fixtures.path("jacoco/jacoco-report/__tests__/__fixtures__/report.xml");
    assertThat(readers.read(Fixtures.open(jacoco), Path.of("lcov.info"), Optional.empty()).format())
        .isEqualTo(CoverageFormat.JACOCO);
  }

  @Test
  void aGivenFormatThatTheContentContradictsIsRefused() {
    Path jacoco = Fixtures.path("jacoco/jacoco-report/__tests__/__fixtures__/report.xml");
    assertThatThrownBy(
            () ->
                readers.read(
                    Fixtures.open(jacoco), Path.of("push"), Optional.of(CoverageFormat.LCOV)))
        .isInstanceOf(InputException.class)
        .hasMessage("push: given as lcov but the content is jacoco");
  }

  @Test
  void emptyAndForeignInputIsRefused() {
    assertThatThrownBy(() -> readers.read(Fixtures.stream(""), Path.of("e"), Optional.empty()))
        .hasMessage("e: empty file: no coverage report");
    assertThatThrownBy(
            () -> readers.read(Fixtures.stream("<testsuites/>"), Path.of("e"), Optional.empty()))
        .hasMessageContaining("cannot tell the coverage format");
    assertThatThrownBy(
            () -> readers.read(Fixtures.stream("hello\n"), Path.of("e"), Optional.empty()))
        .hasMessageContaining("cannot tell the coverage format");
  }

  @Test
  void readingAFileGoesThroughTheCallersSizeCap() throws Exception {
    Path file = tmp.resolve("lcov.info");
    Files.writeString(file, "SF:a\n" + "DA:1,1\n".repeat(1000) + "end_of_record\n");
    assertThat(readers.read(new BoundedFiles(), file, Optional.empty()).lines())
        .isEqualTo(new CoverageCount(1, 1));
    assertThatThrownBy(() -> readers.read(new BoundedFiles(100), file, Optional.empty()))
        .isInstanceOf(InputException.class)
        .hasMessageContaining("larger than the limit of 100 bytes");
    assertThatThrownBy(
            () -> readers.read(new BoundedFiles(), tmp.resolve("none"), Optional.empty()))
        .hasMessageContaining("file not found");
  }

  @Test
  void countsAndRatios() {
    assertThat(CoverageCount.NONE.ratio()).isEmpty();
    assertThat(new CoverageCount(1, 4).ratio()).hasValue(0.25);
    assertThat(new CoverageCount(1, 4).plus(new CoverageCount(2, 2)))
        .isEqualTo(new CoverageCount(3, 6));
    assertThatThrownBy(() -> new CoverageCount(3, 2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CoverageCount(-1, 2)).isInstanceOf(IllegalArgumentException.class);
  }
}
