package dev.dxexporter.collect.build;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a {@code cargo build --message-format=json} log (its stdout, one JSON message a line) tells
 * about a build. The messages carry no times: no build duration and no per-unit durations can be
 * derived from them, except from {@code timing-info} messages, which only cargo versions with the
 * unstable {@code --timings=json} wrote (cargo 1.95 refuses that option).
 *
 * @param file the log
 * @param artifacts {@code compiler-artifact} messages: one per compiled unit (lib, bin, test,
 *     build-script compilation), whether rebuilt or fresh
 * @param freshArtifacts those marked {@code "fresh": true} (up to date, not rebuilt)
 * @param artifactsByKind artifacts per target kind (the first entry of {@code target.kind})
 * @param buildScriptsRun {@code build-script-executed} messages: one per build-script run unit;
 *     cargo replays the output of a fresh build script the same way, so a run cannot be told from a
 *     fresh one
 * @param success {@code build-finished}'s {@code success}; empty when the log has no such message
 *     (cargo before 1.44, or a log cut off before the end)
 * @param errors {@code compiler-message}s of level {@code error} (rustc's final "aborting due to"
 *     summary included)
 * @param warnings {@code compiler-message}s of level {@code warning}
 * @param otherLines lines that are not cargo messages (text of build scripts or tests, JSON without
 *     a {@code reason}); blank lines are not counted
 * @param timings per-unit times from {@code timing-info} messages, when present
 */
public record CargoMessageLog(
    Path file,
    int artifacts,
    int freshArtifacts,
    Map<CargoTargetKind, Integer> artifactsByKind,
    int buildScriptsRun,
    Optional<Boolean> success,
    int errors,
    int warnings,
    int otherLines,
    List<CargoUnitTiming> timings) {

  public CargoMessageLog {
    artifactsByKind = Map.copyOf(artifactsByKind);
    timings = List.copyOf(timings);
  }

  /** Artifacts that were rebuilt (not fresh). */
  public int dirtyArtifacts() {
    return artifacts - freshArtifacts;
  }

  /**
   * Units the build went through: artifacts plus build-script runs. Equals the {@code --timings}
   * report's "Total units" for a build of compiling units; units that produce no artifact
   * (doctests) are not in the log.
   */
  public int units() {
    return artifacts + buildScriptsRun;
  }

  /**
   * One {@code timing-info} message.
   *
   * @param packageId cargo's package id, as written
   * @param name package name, read from the package id
   * @param version package version, read from the package id (empty when it has none)
   * @param targetName {@code target.name}
   * @param targetKind from {@code target.kind}
   * @param mode {@code mode} as written ({@code build}, {@code check}, {@code test}, ...)
   * @param durationSeconds the unit's wall time
   * @param rmetaSeconds when its {@code .rmeta} was written, seconds after its start
   */
  public record CargoUnitTiming(
      String packageId,
      String name,
      String version,
      String targetName,
      CargoTargetKind targetKind,
      String mode,
      double durationSeconds,
      Optional<Double> rmetaSeconds) {}
}
