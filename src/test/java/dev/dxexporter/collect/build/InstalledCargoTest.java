package dev.dxexporter.collect.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Timing reports and message logs written just now by the cargo on this machine (skipped where
 * there is none): a tiny offline package, built clean and again (no-op), read back and checked
 * against the reports' own tables and against each other. Covers whatever layout the installed
 * cargo writes, which the fixtures may predate.
 */
class InstalledCargoTest {
  @TempDir Path tmp;

  /**
   * The package, beside cargo's output files: a build script without rerun-if-changed reruns when
   * any file of its package changed.
   */
  private Path pkg;

  @BeforeEach
  void packageDirectory() throws IOException {
    pkg = Files.createDirectories(tmp.resolve("live"));
  }

  private static boolean cargoAvailable() {
    try {
      Process p = new ProcessBuilder("cargo", "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs cargo build in the package with {@code args}; its stdout goes to {@code out}. */
  private void cargoBuild(Path out, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("cargo", "build", "--offline", "--quiet"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command)
            .directory(pkg.toFile())
            .redirectError(tmp.resolve("cargo.err").toFile())
            .redirectOutput(out.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("cargo.err"))).isZero();
  }

  /** A package with a lib, a build script and a bin, its sources dated an hour back. */
  private void writePackage() throws IOException {
    Files.writeString(
        pkg.resolve("Cargo.toml"),
        "[package]\nname = \"live\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
    Files.writeString(pkg.resolve("build.rs"), "fn main() {}\n");
    Files.createDirectories(pkg.resolve("src/bin"));
    Files.writeString(pkg.resolve("src/lib.rs"), "pub fn f() -> u32 { 1 }\n");
    Files.writeString(pkg.resolve("src/bin/tool.rs"), "fn main() { let _ = live::f(); }\n");
    // Sources written in the build's own second look modified to cargo.
    for (String source : List.of("Cargo.toml", "build.rs", "src/lib.rs", "src/bin/tool.rs")) {
      Files.setLastModifiedTime(
          pkg.resolve(source), FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    }
  }

  @Test
  void aCleanAndANoOpBuildOfTheInstalledCargo() throws Exception {
    assumeTrue(cargoAvailable(), "no cargo on PATH");
    writePackage();
    Path report = pkg.resolve("target/cargo-timings/cargo-timing.html");
    CargoTimingsReader reader = new CargoTimingsReader();

    cargoBuild(tmp.resolve("clean.out"), "--timings");
    CargoTimings clean = reader.read(report);
    CargoReportTable table = CargoReportTable.of(Files.readString(report));
    assertThat(clean.succeeded()).isTrue();
    assertThat(clean.units()).hasSameSizeAs(table.rows()).hasSize(clean.dirtyUnits().getAsInt());
    assertThat(clean.freshUnits()).hasValue(0);
    assertThat(clean.units().stream().map(CargoUnit::targetKind).distinct())
        .containsExactlyInAnyOrder(
            CargoTargetKind.LIB, CargoTargetKind.BUILD_SCRIPT, CargoTargetKind.BIN);
    assertThat(clean.units()).anyMatch(u -> u.mode().equals("run-custom-build"));
    assertThat(clean.slowest(2))
        .extracting(CargoUnit::label)
        .isSubsetOf(table.rows().stream().map(CargoReportTable.Row::unit).toList());
    assertThat(clean.totalSeconds()).isPositive();

    cargoBuild(tmp.resolve("no-op.out"), "--timings");
    CargoTimings noOp = reader.read(report);
    // Cargo 1.87 listed no units for a no-op build (the sleek fixture); 1.95 lists the fresh
    // ones, with the milliseconds it took to replay them. Either way they match the table.
    assertThat(noOp.units()).hasSameSizeAs(CargoReportTable.of(Files.readString(report)).rows());
    assertThat(noOp.dirtyUnits()).hasValue(0);
    assertThat(noOp.freshUnits()).hasValue(clean.dirtyUnits().getAsInt());
    assertThat(List.of(noOp.totalUnits().getAsInt()))
        .containsExactly(clean.totalUnits().getAsInt());
  }

  @Test
  void theMessageLogsOfACleanAndANoOpBuild() throws Exception {
    assumeTrue(cargoAvailable(), "no cargo on PATH");
    writePackage();
    CargoMessageLogReader reader = new CargoMessageLogReader();

    cargoBuild(tmp.resolve("clean.jsonl"), "--message-format=json");
    CargoMessageLog clean = reader.read(tmp.resolve("clean.jsonl"));
    assertThat(clean.success()).hasValue(true);
    assertThat(clean.freshArtifacts()).isZero();
    assertThat(clean.artifacts()).isEqualTo(3); // lib, bin, build-script compilation
    assertThat(clean.buildScriptsRun()).isEqualTo(1);

    cargoBuild(tmp.resolve("no-op.jsonl"), "--message-format=json");
    CargoMessageLog noOp = reader.read(tmp.resolve("no-op.jsonl"));
    assertThat(noOp.freshArtifacts()).isEqualTo(noOp.artifacts()).isEqualTo(clean.artifacts());
    assertThat(noOp.dirtyArtifacts()).isZero();
    // The fresh build script's output is replayed: a run cannot be told from a fresh one.
    assertThat(noOp.buildScriptsRun()).isEqualTo(clean.buildScriptsRun());
    assertThat(noOp.units()).isEqualTo(clean.units());
  }
}
