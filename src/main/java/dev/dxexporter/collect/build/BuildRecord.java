package dev.dxexporter.collect.build;

import java.time.Instant;
import java.util.List;

/**
 * One recorded build command (see {@link CommandRecorder} for how each figure is measured and its
 * error).
 *
 * @param name the build's name ({@code --build}), the {@code build} label
 * @param kind clean or incremental
 * @param command the argument vector that was run
 * @param started wall-clock time the command was started
 * @param durationSeconds wall time from start to exit, measured on the monotonic clock
 * @param exitCode the exit status; 128 + n when the command was killed by signal n, as a shell
 *     reports it
 * @param signal the signal that killed the command, 0 when it exited by itself
 * @param peakRssBytes peak resident memory of the process tree
 * @param cpuUserSeconds user CPU time of the process tree
 * @param cpuSystemSeconds system (kernel) CPU time of the process tree
 * @param peakTreeSize the most processes of the tree alive in one sample
 * @param processesSeen distinct processes of the tree seen in any sample
 * @param samples tree samples taken
 * @param kernelAccounted whether the kernel's getrusage figures for waited-for children were
 *     available (else CPU time and peak RSS come from sampling alone)
 */
public record BuildRecord(
    String name,
    BuildKind kind,
    List<String> command,
    Instant started,
    double durationSeconds,
    int exitCode,
    int signal,
    long peakRssBytes,
    double cpuUserSeconds,
    double cpuSystemSeconds,
    int peakTreeSize,
    int processesSeen,
    int samples,
    boolean kernelAccounted) {

  public BuildRecord {
    command = List.copyOf(command);
  }

  /** Whether the command exited with status 0. */
  public boolean succeeded() {
    return exitCode == 0;
  }

  /** User plus system CPU time. */
  public double cpuSeconds() {
    return cpuUserSeconds + cpuSystemSeconds;
  }
}
