package dev.dxexporter.collect.build;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A report written just now by the cargo on this machine (skipped where there is none): a tiny
 * offline workspace, built twice, read back and checked against the report's own tables. Covers
 * whatever layout the installed cargo writes, which the fixtures may predate.
 */
class CargoTimingsLiveTest {
  @TempDir Path tmp;
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

  private void cargoBuild() throws Exception {
    Process p =
        new ProcessBuilder("cargo", "build", "--offline", "--timings", "--quiet")
            .directory(pkg.toFile())
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("cargo.log").toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(tmp.resolve("cargo.log"))).isZero();
  }

  @Test
  void aCleanAndANoOpBuildOfTheInstalledCargo() throws Exception {
    assumeTrue(cargoAvailable(), "no cargo on PATH");
    // The log stays outside the package: a build script without rerun-if-changed reruns when
    // any file of its package changed.
    Files.writeString(
        pkg.resolve("Cargo.toml"),
        "[package]\nname = \"live\"\nversion = \"0.1.0\"\nedition = \"2021\"\n");
    Files.writeString(pkg.resolve("build.rs"), "fn main() {}\n");
    Files.createDirectories(pkg.resolve("src/bin"));
    Files.writeString(pkg.resolve("src/lib.rs"), "pub fn f() -> u32 { 1 }\n");
    Files.writeString(pkg.resolve("src/bin/tool.rs"), "fn main() { let _ = live::f(); }\n");
    // Sources written in the build's own second look modified to cargo: date them back.
    for (String source : List.of("Cargo.toml", "build.rs", "src/lib.rs", "src/bin/tool.rs")) {
      Files.setLastModifiedTime(
          pkg.resolve(source), FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
    }
    Path report = pkg.resolve("target/cargo-timings/cargo-timing.html");
    CargoTimingsReader reader = new CargoTimingsReader();

    cargoBuild();
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

    cargoBuild();
    CargoTimings noOp = reader.read(report);
    // Cargo 1.87 listed no units for a no-op build (the sleek fixture); 1.95 lists the fresh
    // ones, with the milliseconds it took to replay them. Either way they match the table.
    assertThat(noOp.units()).hasSameSizeAs(CargoReportTable.of(Files.readString(report)).rows());
    assertThat(noOp.dirtyUnits()).hasValue(0);
    assertThat(noOp.freshUnits()).hasValue(clean.dirtyUnits().getAsInt());
    assertThat(List.of(noOp.totalUnits().getAsInt()))
        .containsExactly(clean.totalUnits().getAsInt());
  }
}
