package dev.dxexporter.collect.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * cargo-llvm-cov writes summary-only LCOV ({@code LF/LH}, {@code BRF/BRH}, {@code FNF/FNH}, no
 * {@code DA}): each scenario's numbers must equal the llvm-cov export JSON of the same run.
 */
class LcovCargoLlvmCovTest {
  private static final String DIR = "lcov/cargo-llvm-cov/tests/fixtures/coverage-reports";
  private final LcovReader reader = new LcovReader();

  static List<Path> scenarios() {
    return Fixtures.files(DIR, ".lcov.info");
  }

  @Test
  void everyScenarioIsThere() {
    assertThat(scenarios()).hasSize(36);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void totalsEqualTheLlvmCovExportOfTheSameRun(Path lcov) throws Exception {
    String base = lcov.getFileName().toString().replace(".lcov.info", "");
    Path json = lcov.resolveSibling(base + ".json");
    JsonNode data = new ObjectMapper().readTree(json.toFile()).get("data");
    assertThat(data).hasSize(1);
    JsonNode totals = data.get(0).get("totals");

    CoverageReport report;
    try (InputStream in = Files.newInputStream(lcov)) {
      report = reader.read(in, lcov);
    }

    assertThat(report.format()).isEqualTo(CoverageFormat.LCOV);
    assertThat(report.lines()).isEqualTo(count(totals.get("lines")));
    assertThat(report.branches()).isEqualTo(count(totals.get("branches")));
    assertThat(report.functions()).contains(count(totals.get("functions")));
    assertThat(report.files()).isEqualTo(data.get(0).get("files").size());
    assertThat(report.warnings()).isEmpty();
  }

  private static CoverageCount count(JsonNode kind) {
    return new CoverageCount(kind.get("covered").asLong(), kind.get("count").asLong());
  }
}
