package dev.dxexporter.collect.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.dxexporter.collect.input.BoundedFiles;
import dev.dxexporter.collect.input.InputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CargoMessageLogReaderTest {
  private static final String FIXTURE =
      "cargo-timings/generated-locally/cargo-1.95.0/build-message-format-json.jsonl";

  @TempDir Path tmp;
  private final CargoMessageLogReader reader = new CargoMessageLogReader();

  private static long linesWith(List<String> lines, String needle) {
    return lines.stream().filter(l -> l.contains(needle)).count();
  }

  @Test
  void theCargo195LogCountsItsUnitsAndTheirFreshness() throws Exception {
    List<String> lines = Files.readAllLines(BuildFixtures.path(FIXTURE));
    CargoMessageLog log = reader.read(BuildFixtures.path(FIXTURE));

    assertThat(log.artifacts()).isEqualTo(linesWith(lines, "\"reason\":\"compiler-artifact\""));
    assertThat(log.freshArtifacts()).isEqualTo(linesWith(lines, "\"fresh\":true"));
    assertThat(log.dirtyArtifacts()).isEqualTo(linesWith(lines, "\"fresh\":false"));
    assertThat(log.buildScriptsRun())
        .isEqualTo(linesWith(lines, "\"reason\":\"build-script-executed\""));
    assertThat(log.success()).hasValue(true);
    assertThat(log.errors()).isZero();
    assertThat(log.otherLines()).isZero();
    assertThat(log.timings()).isEmpty();
    assertThat(log.artifactsByKind())
        .containsExactlyInAnyOrderEntriesOf(
            Map.of(
                CargoTargetKind.LIB, (int) linesWith(lines, "\"kind\":[\"lib\"]"),
                CargoTargetKind.BUILD_SCRIPT, (int) linesWith(lines, "\"kind\":[\"custom-build\"]"),
                CargoTargetKind.BIN, (int) linesWith(lines, "\"kind\":[\"bin\"]")));

    // The same clean build of the same workspace as the report beside it: the same units.
    CargoTimings report =
        new CargoTimingsReader()
            .read(
                BuildFixtures.path(
                    "cargo-timings/generated-locally/cargo-1.95.0/cargo-timing.html"));
    assertThat(log.units()).isEqualTo(report.totalUnits().getAsInt());
    assertThat(log.dirtyArtifacts() + log.buildScriptsRun())
        .isEqualTo(report.dirtyUnits().getAsInt());
  }

  @Test
  void textLinesAreCountedAndDiagnosticsByLevel() throws Exception {
    Path file = tmp.resolve("mixed.log");
    Files.writeString(
        file,
        String.join(
            "\n",
            "   Compiling alpha v0.1.0",
            "{\"reason\":\"compiler-message\",\"message\":{\"level\":\"warning\",\"message\":\"unused\"}}",
            "{\"reason\":\"compiler-message\",\"message\":{\"level\":\"error\",\"message\":\"E0308\"}}",
            "",
            "{\"type\":\"test\",\"event\":\"ok\"}",
            "{\"reason\":\"build-finished\",\"success\":false}",
            ""));
    CargoMessageLog log = reader.read(file);
    assertThat(log.warnings()).isEqualTo(1);
    assertThat(log.errors()).isEqualTo(1);
    assertThat(log.otherLines()).isEqualTo(2);
    assertThat(log.success()).hasValue(false);
    assertThat(log.units()).isZero();
  }

  @Test
  void timingInfoMessagesGivePerUnitDurations() throws Exception {
    // As cargo's machine_message::TimingInfo serialised them (cargo --timings=json, unstable).
    Path file = tmp.resolve("timings.jsonl");
    Files.writeString(
        file,
        "{\"reason\":\"timing-info\",\"package_id\":\"registry+https://github.com/rust-lang/crates.io-index#serde@1.0.130\","
            + "\"target\":{\"kind\":[\"lib\"],\"crate_types\":[\"lib\"],\"name\":\"serde\"},"
            + "\"mode\":\"build\",\"duration\":2.5,\"rmeta_time\":1.75}\n"
            + "{\"reason\":\"timing-info\",\"package_id\":\"serde 1.0.130 (registry+https://github.com/rust-lang/crates.io-index)\","
            + "\"target\":{\"kind\":[\"custom-build\"],\"name\":\"build-script-build\"},"
            + "\"mode\":\"run-custom-build\",\"duration\":0.25,\"rmeta_time\":null}\n");
    CargoMessageLog log = reader.read(file);
    assertThat(log.timings())
        .extracting(
            CargoMessageLog.CargoUnitTiming::name,
            CargoMessageLog.CargoUnitTiming::version,
            CargoMessageLog.CargoUnitTiming::targetKind,
            CargoMessageLog.CargoUnitTiming::durationSeconds)
        .containsExactly(
            tuple("serde", "1.0.130", CargoTargetKind.LIB, 2.5),
            tuple("serde", "1.0.130", CargoTargetKind.BUILD_SCRIPT, 0.25));
    assertThat(log.timings().get(0).rmetaSeconds()).hasValue(1.75);
    assertThat(log.timings().get(1).rmetaSeconds()).isEmpty();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"reason\":\"compiler-artifact\",\"fresh\":tr|2|not a valid JSON message",
        "{\"reason\":\"timing-info\",\"duration\":NaN}|2|not a valid JSON message",
        "{\"reason\":\"timing-info\",\"package_id\":\"a 1.0.0\",\"duration\":-1}|2|negative",
        "{\"reason\":\"timing-info\",\"package_id\":\"a 1.0.0\",\"duration\":1e300}|2|absurd",
        "{\"reason\":\"build-finished\",\"success\":\"yes\"}|2|success",
        "{\"reason\":\"compiler-artifact\",\"fresh\":1}|2|`fresh`",
      })
  void badLinesAreRefusedAtTheirLine(String badLine, int line, String problem) throws Exception {
    Path file = tmp.resolve("bad.jsonl");
    Files.writeString(file, "{\"reason\":\"build-script-executed\"}\n" + badLine + "\n");
    InputException e = catchThrowableOfType(() -> reader.read(file), InputException.class);
    assertThat(e).isNotNull();
    assertThat(e.file()).isEqualTo(file);
    assertThat(e.line()).isEqualTo(line);
    assertThat(e.problem()).contains(problem);
    // The reader keeps no state: the next log reads.
    assertThat(reader.read(BuildFixtures.path(FIXTURE)).success()).hasValue(true);
  }

  @Test
  void invalidUtf8AndHugeLogsAreRefused() throws Exception {
    Path file = tmp.resolve("latin1.log");
    Files.write(file, new byte[] {'o', 'k', '\n', (byte) 0xe9, '\n'});
    assertThat(catchThrowableOfType(() -> reader.read(file), InputException.class).problem())
        .contains("UTF-8");
    CargoMessageLogReader small = new CargoMessageLogReader(new BoundedFiles(1000));
    assertThat(
            catchThrowableOfType(
                    () -> small.read(BuildFixtures.path(FIXTURE)), InputException.class)
                .problem())
        .contains("larger than the limit of 1000 bytes");
  }

  @ParameterizedTest
  @CsvSource({
    "'path+file:///home/ci/build/ws/alpha#0.1.0', alpha, 0.1.0",
    "'registry+https://github.com/rust-lang/crates.io-index#serde@1.0.130', serde, 1.0.130",
    "'serde 1.0.130 (registry+https://github.com/rust-lang/crates.io-index)', serde, 1.0.130",
    "'git+https://github.com/o/repo?branch=main#0.2.0', repo, 0.2.0",
    "'git+https://github.com/o/repo#crate-x@0.3.0', crate-x, 0.3.0",
  })
  void packageIdsOfBothForms(String id, String name, String version) {
    assertThat(PackageIdName.parse(id)).isEqualTo(new PackageIdName(name, version));
  }
}
