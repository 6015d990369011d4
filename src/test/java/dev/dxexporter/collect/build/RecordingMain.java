package dev.dxexporter.collect.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The recorder as a process of its own, for the tests and {@code bench/} scripts that need a real
 * recorder JVM (signals sent to it, its standard streams): {@code RecordingMain RECORD_FILE
 * INTERVAL_MS NAME KIND -- COMMAND...}. Writes the record as {@code key=value} lines to RECORD_FILE
 * and exits with the command's exit code. Prints nothing itself.
 */
public final class RecordingMain {
  private RecordingMain() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int separator = Arrays.asList(args).indexOf("--");
    if (separator != 4 || args.length < 6) {
      System.err.println("usage: RecordingMain RECORD_FILE INTERVAL_MS NAME KIND -- COMMAND...");
      System.exit(2);
    }
    CommandRecorder recorder =
        new CommandRecorder(Duration.ofMillis(Long.parseLong(args[1])), true);
    List<String> command = List.of(args).subList(separator + 1, args.length);
    BuildRecord record = recorder.record(args[2], BuildKind.parse(args[3]), command);
    Files.writeString(Path.of(args[0]), lines(record));
    System.exit(record.exitCode());
  }

  static String lines(BuildRecord r) {
    return String.join(
        "\n",
        "name=" + r.name(),
        "kind=" + r.kind().label(),
        "started=" + r.started(),
        "duration_seconds=" + r.durationSeconds(),
        "exit_code=" + r.exitCode(),
        "signal=" + r.signal(),
        "peak_rss_bytes=" + r.peakRssBytes(),
        "cpu_user_seconds=" + r.cpuUserSeconds(),
        "cpu_system_seconds=" + r.cpuSystemSeconds(),
        "peak_tree_size=" + r.peakTreeSize(),
        "processes_seen=" + r.processesSeen(),
        "samples=" + r.samples(),
        "kernel_accounted=" + r.kernelAccounted(),
        "");
  }
}
