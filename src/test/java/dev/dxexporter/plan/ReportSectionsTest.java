package dev.dxexporter.plan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dxexporter.config.ConfigLoader;
import dev.dxexporter.config.DxConfig;
import dev.dxexporter.ingest.IngestCounters;
import dev.dxexporter.ingest.ReportSpec;
import dev.dxexporter.ingest.TestInsights;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a {@code tests:} or {@code coverage:} section without, with, or with an empty list watches.
 */
class ReportSectionsTest {
  private final IngestCounters counters = new IngestCounters();
  private final TestReportSource tests = new TestReportSource(new TestInsights(), counters);
  private final CoverageSource coverage = new CoverageSource(counters);
  @TempDir Path dir;

  private DxConfig load(String project) throws Exception {
    Path file =
        Files.writeString(
            dir.resolve("dx.yml"), "projects:\n  - name: p\n    path: .\n" + project.indent(4));
    return new ConfigLoader(List.of(tests, coverage), dir, Map.of()).load(file);
  }

  private List<String> testReports(DxConfig c) {
    return c.projects().get(0).settings(tests).orElseThrow().reports().stream()
        .map(ReportSpec::name)
        .toList();
  }

  private List<String> coverageReports(DxConfig c) {
    return c.projects().get(0).settings(coverage).orElseThrow().reports().stream()
        .map(ReportSpec::name)
        .toList();
  }

  @Test
  void aSectionWithoutReportsWatchesTheUsualPlaces() throws Exception {
    DxConfig c = load("tests: {schedule: 5m}\ncoverage: {}");
    assertThat(testReports(c))
        .isEqualTo(TestReportSource.ZERO_CONFIG.stream().map(ReportSpec::name).toList())
        .contains("surefire", "gradle", "nextest", "junit");
    assertThat(coverageReports(c)).containsExactly("lcov", "cobertura", "jacoco");
  }

  @Test
  void anEmptyListWatchesNothingAndAListOnlyItself() throws Exception {
    assertThat(testReports(load("tests: {reports: []}"))).isEmpty();
    assertThat(testReports(load("tests:\n  reports:\n    - {name: unit, paths: [out/*.xml]}")))
        .containsExactly("unit");
    assertThat(coverageReports(load("coverage: {reports: []}"))).isEmpty();
  }
}
