package dev.dxexporter.collect.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * LCOV from Node's test runner, istanbul, gcov/lcov 2.x, coverage.py and TypeScript tooling: the
 * counts from the detail records must equal the summary lines each file states about itself, and
 * must not depend on those summary lines being there.
 */
class LcovFixturesTest {
  private static final Pattern SUMMARY =
      Pattern.compile("^(LF|LH|BRF|BRH|FNF|FNH):(\\d+)\\s*$", Pattern.MULTILINE);
  private final LcovReader reader = new LcovReader();

  static List<Path> selfConsistent() {
    return List.of(
        Fixtures.path("lcov/node/test/fixtures/test-runner/output/lcov_reporter.snapshot"),
        Fixtures.path("lcov/diff_cover/tests/fixtures/cpp_functions_coverage.lcov"),
        Fixtures.path("lcov/diff_cover/tests/fixtures/real_cpp_coverage.lcov"),
        Fixtures.path("lcov/diff_cover/tests/fixtures/real_python_coverage.lcov"),
        Fixtures.path("lcov/diff_cover/tests/fixtures/real_typescript_coverage.lcov"),
        Fixtures.path("lcov/diff_cover/tests/fixtures/typescript_branches_coverage.lcov"));
  }

  @ParameterizedTest
  @MethodSource("selfConsistent")
  void recordsCountWhatTheSummaryLinesState(Path file) throws Exception {
    String text = Fixtures.text(file);
    long[] stated = stated(text);

    CoverageReport report = reader.read(Fixtures.open(file), file);
    assertThat(report.lines()).isEqualTo(new CoverageCount(stated[1], stated[0]));
    assertThat(report.branches()).isEqualTo(new CoverageCount(stated[3], stated[2]));
    assertThat(report.functions()).contains(new CoverageCount(stated[5], stated[4]));
    assertThat(report.warnings()).isEmpty();

    // The same file without its summary lines: the records alone give the same numbers.
    String recordsOnly = SUMMARY.matcher(text).replaceAll("");
    assertThat(recordsOnly).doesNotContain("LF:");
    CoverageReport recounted = reader.read(Fixtures.stream(recordsOnly), file);
    assertThat(recounted.lines()).isEqualTo(report.lines());
    assertThat(recounted.branches()).isEqualTo(report.branches());
    assertThat(recounted.functions()).isEqualTo(report.functions());
  }

  @Test
  void nodeTestRunnerSnapshot() throws Exception {
    Path file = selfConsistent().get(0);
    CoverageReport report = reader.read(Fixtures.open(file), file);
    // 392 DA, 101 BRDA and 99 FN records in one SF (the corpus README counts them too).
    assertThat(report.lines().total()).isEqualTo(392);
    assertThat(report.branches().total()).isEqualTo(101);
    assertThat(report.functions().orElseThrow().total()).isEqualTo(99);
    assertThat(report.files()).isEqualTo(1);
  }

  @Test
  void aHandMadeFileThatContradictsItselfIsCountedFromItsRecordsWithAWarning() throws Exception {
    // diff_cover's lcov.info states LF:6 LH:6 and BRF:0 over 10 DA lines (5 hit) and one BRDA.
    Path file = Fixtures.path("lcov/diff_cover/tests/fixtures/lcov.info");
    String text = Fixtures.text(file);
    assertThat(stated(text)).startsWith(6, 6, 0, 0);
    long daLines = text.lines().filter(l -> l.startsWith("DA:")).count();
    long daHit = text.lines().filter(l -> l.startsWith("DA:") && !l.endsWith(",0")).count();

    CoverageReport report = reader.read(Fixtures.open(file), file);
    assertThat(report.lines()).isEqualTo(new CoverageCount(daHit, daLines));
    assertThat(report.branches()).isEqualTo(new CoverageCount(0, 1));
    assertThat(report.functions()).contains(new CoverageCount(2, 2));
    assertThat(report.warnings())
        .anySatisfy(w -> assertThat(w).contains("LF/LH say 6/6").contains("count 5/10"))
        .anySatisfy(w -> assertThat(w).contains("BRF/BRH say 0/0"));
  }

  @Test
  void istanbulLcovOnlyEqualsTheTotalsOfItsCoverageMap() throws Exception {
    Path spec =
        Fixtures.path(
            "istanbul/istanbuljs/packages/istanbul-reports/test/fixtures/specs/missing-decl.json");
    JsonNode json = new ObjectMapper().readTree(spec.toFile());
    IstanbulMap expected = IstanbulMap.of(json.get("map"));
    String lcov = json.get("lcovonlyExpected").asText();

    CoverageReport report = reader.read(Fixtures.stream(lcov), spec);
    assertThat(report.lines()).isEqualTo(expected.lines());
    assertThat(report.branches()).isEqualTo(expected.branches());
    assertThat(report.functions()).contains(expected.functions());
    assertThat(report.lines()).isEqualTo(new CoverageCount(46, 46)); // the map is not empty
  }

  /** LF, LH, BRF, BRH, FNF, FNH summed over the file. */
  private static long[] stated(String text) {
    List<String> keys = List.of("LF", "LH", "BRF", "BRH", "FNF", "FNH");
    long[] sums = new long[6];
    Matcher m = SUMMARY.matcher(text);
    while (m.find()) {
      sums[keys.indexOf(m.group(1))] += Long.parseLong(m.group(2));
    }
    return sums;
  }
}
