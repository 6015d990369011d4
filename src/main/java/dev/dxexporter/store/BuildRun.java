package dev.dxexporter.store;

import java.time.Instant;
import java.util.Objects;

/**
 * One recorded build command's figures, as stored.
 *
 * @param kind {@code clean} or {@code incremental}
 * @param exitCode the command's exit status (128 + n when killed by signal n)
 * @param signal the signal that killed it, or 0
 * @param peakProcesses the most processes of its tree alive at once
 */
public record BuildRun(
    String name,
    String kind,
    Instant started,
    double durationSeconds,
    int exitCode,
    int signal,
    long peakRssBytes,
    double cpuUserSeconds,
    double cpuSystemSeconds,
    int peakProcesses) {

  public BuildRun {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(started, "started");
    if (!kind.equals("clean") && !kind.equals("incremental")) {
      throw new IllegalArgumentException("kind must be clean or incremental: " + kind);
    }
    if (!Double.isFinite(durationSeconds) || durationSeconds < 0) {
      throw new IllegalArgumentException("duration must be a finite non-negative number");
    }
    if (!Double.isFinite(cpuUserSeconds) || cpuUserSeconds < 0) {
      throw new IllegalArgumentException("user CPU must be a finite non-negative number");
    }
    if (!Double.isFinite(cpuSystemSeconds) || cpuSystemSeconds < 0) {
      throw new IllegalArgumentException("system CPU must be a finite non-negative number");
    }
    if (peakRssBytes < 0 || peakProcesses < 0 || exitCode < 0 || exitCode > 255 || signal < 0) {
      throw new IllegalArgumentException("negative memory, process count, signal or exit code");
    }
  }

  public boolean succeeded() {
    return exitCode == 0;
  }
}
