package dev.dxexporter.ingest.ci;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Artifact entries told apart by name and root element, on the real report fixtures. */
class ArtifactEntryKindTest {
  private static final Path RES = Path.of("src/test/resources");

  @TempDir Path tmp;

  @Test
  void realReportsAreToldApartByTheirRootElement() throws Exception {
    assertThat(
            ArtifactEntryKind.of(
                RES.resolve("github/junit/nextest/fixtures/fixture-project-junit.xml")))
        .isEqualTo(ArtifactEntryKind.JUNIT);
    // A byte-order mark, an XML declaration and a DOCTYPE before <coverage>.
    assertThat(
            ArtifactEntryKind.of(
                RES.resolve("coverage/cobertura/diff_cover/tests/fixtures/dotnet_coverage.xml")))
        .isEqualTo(ArtifactEntryKind.COVERAGE);
    assertThat(
            ArtifactEntryKind.of(
                RES.resolve("coverage/jacoco/jacoco-report/__tests__/__fixtures__/report.xml")))
        .isEqualTo(ArtifactEntryKind.COVERAGE);
    assertThat(
            ArtifactEntryKind.of(RES.resolve("coverage/lcov/diff_cover/tests/fixtures/lcov.info")))
        .isEqualTo(ArtifactEntryKind.COVERAGE);
  }

  @Test
  void otherXmlAndOtherFilesAreLeftAlone() throws Exception {
    Path pom =
        Files.writeString(
            tmp.resolve("pom.xml"), "<?xml version=\"1.0\"?><!-- <testsuite> --><project/>");
    Path json = Files.writeString(tmp.resolve("estimates.json"), "{}");
    assertThat(ArtifactEntryKind.of(pom)).isEqualTo(ArtifactEntryKind.OTHER);
    assertThat(ArtifactEntryKind.of(json)).isEqualTo(ArtifactEntryKind.OTHER);
    assertThat(ArtifactEntryKind.candidate("reports/junit.XML")).isTrue();
    assertThat(ArtifactEntryKind.candidate("coverage/lcov.info")).isTrue();
    assertThat(ArtifactEntryKind.candidate("reports/build.log")).isFalse();
  }

  @Test
  void benchmarkJsonIsToldByItsFormatsMarkersAndCriterionByItsPath() throws Exception {
    Path extract = RES.resolve("bench/github-action-benchmark/test/data/extract");
    for (String f :
        new String[] {
          "jmh_output.json", "pytest_output.json", "googlecpp_output.json", "benchmarkdotnet.json"
        }) {
      assertThat(ArtifactEntryKind.of(extract.resolve(f)))
          .as(f)
          .isEqualTo(ArtifactEntryKind.BENCHMARK);
    }
    // Custom JSON does not say whether bigger is better: not guessed.
    assertThat(ArtifactEntryKind.of(extract.resolve("customSmallerIsBetter_output.json")))
        .isEqualTo(ArtifactEntryKind.OTHER);
    assertThat(ArtifactEntryKind.candidate("criterion/estimates.json")).isTrue();
    assertThat(ArtifactEntryKind.criterion("nrpc_qps/c1/32b/new/estimates.json")).isTrue();
    assertThat(ArtifactEntryKind.criterion("new/sample.json")).isTrue();
    assertThat(ArtifactEntryKind.criterion("estimates.json")).isFalse();
    assertThat(ArtifactEntryKind.criterion("out/jmh.json")).isFalse();
    assertThat(ArtifactEntryKind.criterion("out/benchmark.json")).isFalse();
    assertThat(ArtifactEntryKind.criterion("get/64/new/benchmark.json")).isTrue();
  }

  @Test
  void cargoTimingsAreToldByName() throws Exception {
    assertThat(ArtifactEntryKind.candidate("target/cargo-timings/cargo-timing.html")).isTrue();
    assertThat(ArtifactEntryKind.candidate("cargo-timing-20260101T101010.123Z.html")).isTrue();
    assertThat(ArtifactEntryKind.candidate("report/index.html")).isFalse();
    Path flattened = Files.writeString(tmp.resolve("target_cargo-timings_cargo-timing.html"), "");
    Path plain = Files.writeString(tmp.resolve("cargo-timing-20260101T101010.123Z.html"), "");
    Path other = Files.writeString(tmp.resolve("index.html"), "");
    assertThat(ArtifactEntryKind.of(flattened)).isEqualTo(ArtifactEntryKind.TIMINGS);
    assertThat(ArtifactEntryKind.of(plain)).isEqualTo(ArtifactEntryKind.TIMINGS);
    assertThat(ArtifactEntryKind.of(other)).isEqualTo(ArtifactEntryKind.OTHER);
  }
}
