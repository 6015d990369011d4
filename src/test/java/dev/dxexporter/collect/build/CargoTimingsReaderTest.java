package dev.dxexporter.collect.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every cargo timing report of the fixtures, checked against the numbers cargo rendered into the
 * same file: the summary table and the unit table (which cargo fills from the same data, rounded to
 * 0.1 s, and in the 2019 layout from the unrounded durations).
 */
class CargoTimingsReaderTest {
  /** Table cells are rounded to 0.1 s, UNIT_DATA to 0.01 s (both possibly from one raw value). */
  private static final double TABLE_ROUNDING = 0.0601;

  private final CargoTimingsReader reader = new CargoTimingsReader();

  private static int summaryCount(String html, String label) {
    Matcher m = Pattern.compile(label + ":</td><td>(\\d+)</td>").matcher(html);
    assertThat(m.find()).as(label).isTrue();
    return Integer.parseInt(m.group(1));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "cargo-timings/rust_hawktracer/cargo-timing.html",
        "cargo-timings/swim-rust/cargo-timing.html",
        "cargo-timings/sleek/target/cargo-timings/cargo-timing.html",
        "cargo-timings/generated-locally/cargo-1.95.0/cargo-timing.html",
        "cargo-timings/generated-locally/cargo-1.95.0/cargo-timing-section-timings.html"
      })
  void everyUnitMatchesCargosOwnTableAndSummary(String fixture) throws Exception {
    String html = BuildFixtures.text(fixture);
    CargoTimings timings = reader.read(BuildFixtures.path(fixture));
    CargoReportTable table = CargoReportTable.of(html);

    // Every table row is one unit, with its total and section times.
    assertThat(timings.units()).hasSameSizeAs(table.rows());
    List<CargoUnit> unmatched = new ArrayList<>(timings.units());
    boolean dataHasFeatures = html.contains("\"features\":");
    for (CargoReportTable.Row row : table.rows()) {
      CargoUnit unit =
          unmatched.stream()
              .filter(u -> u.label().equals(row.unit()))
              .filter(u -> Math.abs(u.durationSeconds() - row.totalSeconds()) <= TABLE_ROUNDING)
              .findFirst()
              .orElseThrow(() -> new AssertionError("no unit for table row " + row));
      unmatched.remove(unit);
      row.sections()
          .forEach(
              (name, seconds) ->
                  assertThat(unit.section(name))
                      .as("%s %s", row.unit(), name)
                      .hasValueCloseTo(seconds, within(TABLE_ROUNDING)));
      if (dataHasFeatures) {
        assertThat(String.join(", ", unit.features())).isEqualTo(row.features());
      }
    }

    // The table is cargo's longest-first order.
    List<CargoUnit> slowest = timings.slowest(Integer.MAX_VALUE);
    for (int i = 0; i < slowest.size(); i++) {
      assertThat(slowest.get(i).durationSeconds())
          .isCloseTo(table.rows().get(i).totalSeconds(), within(TABLE_ROUNDING));
    }

    // Summary counts; units holds the dirty units that finished.
    int fresh = summaryCount(html, "Fresh units");
    int dirty = summaryCount(html, "Dirty units");
    assertThat(timings.freshUnits()).hasValue(fresh);
    assertThat(timings.dirtyUnits()).hasValue(dirty);
    assertThat(timings.totalUnits())
        .hasValue(summaryCount(html, "Total units"))
        .hasValue(fresh + dirty);
    boolean failed = html.contains("<td class=\"error-text\">Error:</td>");
    assertThat(timings.succeeded()).isEqualTo(!failed);
    if (failed) {
      assertThat(timings.units().size()).isLessThan(dirty);
    } else {
      assertThat(timings.units()).hasSize(dirty);
    }

    // Total time as the summary prints it; no unit ends after it.
    Matcher total = Pattern.compile("Total time:</td><td>(\\d+\\.\\d)s").matcher(html);
    assertThat(total.find()).isTrue();
    assertThat(timings.totalSeconds()).isEqualTo(Double.parseDouble(total.group(1)));
    for (CargoUnit unit : timings.units()) {
      assertThat(unit.endSeconds()).isLessThanOrEqualTo(timings.totalSeconds() + 0.05);
    }

    // Running a build script is the one mode cargo names in the data.
    int runs = countOf(html, "\"mode\": \"run-custom-build\"");
    assertThat(timings.units().stream().filter(u -> u.mode().equals("run-custom-build")))
        .hasSize(runs)
        .allMatch(u -> u.targetKind() == CargoTargetKind.BUILD_SCRIPT);
    assertThat(timings.units()).noneMatch(u -> u.targetKind() == CargoTargetKind.OTHER);
    assertThat(timings.profile()).hasValue("dev");
    assertThat(timings.rustc()).hasValueSatisfying(r -> assertThat(r).startsWith("rustc 1."));
    assertThat(timings.buildStart()).isPresent();
  }

  private static int countOf(String text, String needle) {
    int n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  @Test
  void theCargo195ReportNamesItsTargetsAndPhases() throws Exception {
    CargoTimings timings =
        reader.read(
            BuildFixtures.path("cargo-timings/generated-locally/cargo-1.95.0/cargo-timing.html"));
    assertThat(timings.units())
        .extracting(CargoUnit::label, CargoUnit::targetKind, CargoUnit::mode)
        .containsExactlyInAnyOrder(
            tuple("alpha v0.1.0", CargoTargetKind.LIB, "build"),
            tuple("beta v0.2.0 build-script", CargoTargetKind.BUILD_SCRIPT, "build"),
            tuple(
                "beta v0.2.0 build-script (run)", CargoTargetKind.BUILD_SCRIPT, "run-custom-build"),
            tuple("beta v0.2.0", CargoTargetKind.LIB, "build"),
            tuple("gamma v0.3.0 gamma \"bin\"", CargoTargetKind.BIN, "build"));
    CargoUnit gamma =
        timings.units().stream().filter(u -> u.name().equals("gamma")).findFirst().orElseThrow();
    assertThat(gamma.targetName()).hasValue("gamma");
    assertThat(timings.maxConcurrency()).hasValue(2);
    assertThat(timings.jobs()).hasValue(2);
    assertThat(timings.slowestPackages(1).get(0).name()).isEqualTo("beta");
    assertThat(timings.slowestPackages(1).get(0).units()).isEqualTo(3);
  }

  @Test
  void sectionTimingsAddLinkAndOtherPhases() throws Exception {
    String fixture =
        "cargo-timings/generated-locally/cargo-1.95.0/cargo-timing-section-timings.html";
    CargoTimings timings = reader.read(BuildFixtures.path(fixture));
    assertThat(CargoReportTable.of(BuildFixtures.text(fixture)).headers()).contains("Link");
    // Running a build script is not a compilation: it has no phases.
    assertThat(timings.units())
        .filteredOn(u -> !u.mode().equals("run-custom-build"))
        .hasSize(4)
        .allSatisfy(
            u ->
                assertThat(u.sections())
                    .extracting(CargoSection::name)
                    .startsWith("frontend", "codegen", "link"));
  }

  @Test
  void the2019LayoutSplitsFrontendAndCodegenAtTheRmetaTime() throws Exception {
    CargoTimings timings =
        reader.read(BuildFixtures.path("cargo-timings/rust_hawktracer/cargo-timing.html"));
    assertThat(timings.units())
        .allSatisfy(
            u -> {
              assertThat(u.rmetaSeconds()).isPresent();
              assertThat(u.frontendSeconds()).hasValue(u.rmetaSeconds().getAsDouble());
              assertThat(u.features()).isEmpty();
            });
    assertThat(timings.slowest(1).get(0).label())
        .isEqualTo("rust_hawktracer_sys v0.1.0 custom-build (run)");
  }
}
