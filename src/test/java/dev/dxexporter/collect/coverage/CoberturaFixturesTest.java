package dev.dxexporter.collect.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Cobertura from coverage.py, .NET, LuaCov, diff_cover's hand-made files and istanbul. */
class CoberturaFixturesTest {
  private static final String SPECS =
      "istanbul/istanbuljs/packages/istanbul-reports/test/fixtures/specs";
  private final CoberturaReader reader = new CoberturaReader();

  /** coverage.py gold files and .NET: they state counts, which must equal the lines. */
  static List<Path> withRootCounts() {
    return List.of(
        Fixtures.path("cobertura/coveragepy/tests/gold/xml/x_xml/coverage.xml"),
        Fixtures.path("cobertura/coveragepy/tests/gold/xml/y_xml_branch/coverage.xml"),
        Fixtures.path("cobertura/diff_cover/tests/fixtures/dotnet_coverage.xml"));
  }

  @ParameterizedTest
  @MethodSource("withRootCounts")
  void theLinesCountWhatTheRootStates(Path file) throws Exception {
    String xml = Fixtures.text(file);
    StatedCobertura stated = StatedCobertura.of(xml);
    CoverageReport report = reader.read(Fixtures.open(file), file);

    assertThat(report.lines()).isEqualTo(stated.rootCount("lines")).isEqualTo(stated.lines());
    assertThat(report.branches())
        .isEqualTo(stated.rootCount("branches"))
        .isEqualTo(stated.branches());
    assertThat(report.functions()).isEmpty(); // Cobertura's <method>s are not counted
    assertThat(report.warnings()).isEmpty();

    // Without the root's counts (the coverage-03 shape) the numbers are the same.
    String bare = xml.replaceAll(" (lines|branches)-(covered|valid)=\"\\d+\"", "");
    assertThat(bare).doesNotContain("lines-valid");
    CoverageReport recount = reader.read(Fixtures.stream(bare), file);
    assertThat(recount.lines()).isEqualTo(report.lines());
    assertThat(recount.branches()).isEqualTo(report.branches());
    assertThat(recount.warnings()).isEmpty();
  }

  @Test
  void coveragePyBranchGoldFile() throws Exception {
    Path file = withRootCounts().get(1);
    CoverageReport report = reader.read(Fixtures.open(file), file);
    StatedCobertura stated = StatedCobertura.of(Fixtures.text(file));
    assertThat(report.lines().ratio()).hasValue(stated.rootRate("line"));
    assertThat(report.branches().ratio()).hasValue(stated.rootRate("branch"));
    assertThat(report.files()).isEqualTo(1);
  }

  @Test
  void luaCovStatesOnlyARateAndTheLinesAgreeWithIt() throws Exception {
    Path file = Fixtures.path("cobertura/diff_cover/tests/fixtures/luacoverage.xml");
    StatedCobertura stated = StatedCobertura.of(Fixtures.text(file));
    CoverageReport report = reader.read(Fixtures.open(file), file);
    assertThat(report.lines()).isEqualTo(stated.lines());
    assertThat(report.lines().ratio().getAsDouble())
        .isCloseTo(stated.rootRate("line"), within(1e-9));
    assertThat(report.files()).isEqualTo(2);
    assertThat(report.warnings()).isEmpty();
  }

  static List<Path> handMadeCoverage03() {
    return Fixtures.files("cobertura/diff_cover/tests/fixtures", ".xml").stream()
        .filter(p -> !p.getFileName().toString().matches("(dotnet|lua).*"))
        .toList();
  }

  @ParameterizedTest
  @MethodSource("handMadeCoverage03")
  void diffCoversHandMadeFilesContradictTheirRateAndTheLinesWin(Path file) throws Exception {
    // line-rate="0.8792" over lines of which half (or so) have hits: the rate is stale.
    StatedCobertura stated = StatedCobertura.of(Fixtures.text(file));
    assertThat(stated.rootRate("line")).isEqualTo(0.8792);
    CoverageReport report = reader.read(Fixtures.open(file), file);
    assertThat(report.lines()).isEqualTo(stated.lines());
    assertThat(report.branches()).isEqualTo(CoverageCount.NONE);
    assertThat(report.warnings())
        .singleElement()
        .asString()
        .contains("line-rate=0.8792", "the lines are used");
  }

  static List<Path> istanbulSpecsWithCobertura() {
    return Fixtures.files(SPECS, ".json").stream()
        .filter(p -> !p.getFileName().toString().equals("missing-decl.json"))
        .toList();
  }

  @Test
  void eightIstanbulSpecsCarryCobertura() {
    assertThat(istanbulSpecsWithCobertura()).hasSize(8);
  }

  @ParameterizedTest
  @MethodSource("istanbulSpecsWithCobertura")
  void istanbulCoberturaEqualsItsCoverageMapAndItsTextReport(Path spec) throws Exception {
    JsonNode json = new ObjectMapper().readTree(spec.toFile());
    String xml = json.get("coberturaCoverageData").asText();
    IstanbulMap map = IstanbulMap.of(json.get("map"));
    StatedCobertura stated = StatedCobertura.of(xml);

    CoverageReport report = reader.read(Fixtures.stream(xml), spec);
    assertThat(report.lines()).isEqualTo(map.lines()).isEqualTo(stated.rootCount("lines"));
    assertThat(report.branches()).isEqualTo(map.branches()).isEqualTo(stated.rootCount("branches"));
    assertThat(report.warnings()).isEmpty();

    String text = json.get("textReportExpected").asText().replaceAll("\u001B\\[[0-9;]*m", "");
    text.lines()
        .filter(l -> l.startsWith("All files"))
        .findFirst()
        .ifPresent(
            row -> {
              String[] cells = row.split("\\|");
              assertIstanbulPercent(cells[2], report.branches());
              assertIstanbulPercent(cells[4], report.lines());
            });
  }

  /** istanbul prints {@code floor(ratio * 10000) / 100}, and 100 for 0/0. */
  private static void assertIstanbulPercent(String cell, CoverageCount count) {
    double printed = Double.parseDouble(cell.strip());
    if (count.total() == 0) {
      assertThat(count.ratio()).isEmpty();
      return;
    }
    assertThat(Math.floor(count.ratio().getAsDouble() * 10000) / 100)
        .isCloseTo(printed, within(1e-9));
  }
}
