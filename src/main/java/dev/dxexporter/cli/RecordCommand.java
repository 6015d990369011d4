package dev.dxexporter.cli;

import dev.dxexporter.client.CiEnvironment;
import dev.dxexporter.client.PushClient;
import dev.dxexporter.client.PushOutcome;
import dev.dxexporter.collect.build.BuildKind;
import dev.dxexporter.collect.build.BuildRecord;
import dev.dxexporter.collect.build.CommandRecorder;
import dev.dxexporter.ingest.BuildRunJson;
import dev.dxexporter.store.BuildRun;
import dev.dxexporter.store.ReportMeta;
import dev.dxexporter.store.SaveOutcome;
import dev.dxexporter.store.Store;
import dev.dxexporter.store.StoreSettings;
import dev.dxexporter.store.StoreUnavailableException;
import dev.dxexporter.store.sqlite.SqliteStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code record --project P --build NAME --kind clean|incremental [--push URL] -- COMMAND…}: runs
 * the command with its output passed through, forwards SIGINT/SIGTERM to it, records wall time,
 * exit status, peak memory and CPU time of its process tree, and stores the record (in the store at
 * {@code --storage.path}, or pushed to a running exporter). Exits with the command's status (128 +
 * n when killed by signal n; 127 when it cannot be started); a record that cannot be kept is a
 * warning, never a different exit status.
 */
@Command(
    name = "record",
    mixinStandardHelpOptions = true,
    description = {
      "Run a build command and record its duration, exit status, peak memory and CPU time.",
      "Exits with the command's own status."
    })
final class RecordCommand implements Callable<Integer> {
  /** How long a locked store is tried again before the record is given up (with a warning). */
  private static final java.time.Duration OPEN_PATIENCE = java.time.Duration.ofSeconds(15);

  private final Map<String, String> env;
  private final Supplier<CommandRecorder> recorder;
  private final Runnable quietLogs;

  @Option(names = "--project", required = true, description = "The project, as in the config.")
  String project;

  @Option(names = "--build", required = true, description = "The build's name (the build label).")
  String build;

  @Option(names = "--kind", required = true, description = "clean or incremental.")
  String kind;

  @Option(names = "--push", description = "A running exporter to send the record to.")
  Optional<URI> push = Optional.empty();

  @Option(
      names = "--storage.path",
      defaultValue = "data",
      description = "Without --push: the exporter's store to write to (default: ${DEFAULT-VALUE}).")
  Path storagePath;

  @Mixin CiOverrides ciOverrides;

  @Mixin ExporterConnection connection;

  @Parameters(arity = "1..*", paramLabel = "COMMAND", description = "The command and arguments.")
  List<String> command;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  RecordCommand(Map<String, String> env, Supplier<CommandRecorder> recorder, Runnable quietLogs) {
    this.env = env;
    this.recorder = recorder;
    this.quietLogs = quietLogs;
  }

  @Override
  public Integer call() throws InterruptedException {
    quietLogs.run();
    PrintWriter err = spec.commandLine().getErr();
    BuildKind buildKind;
    PushClient client = null;
    try {
      buildKind = BuildKind.parse(kind);
      if (!build.matches("[A-Za-z0-9][A-Za-z0-9._:-]{0,127}")) {
        throw new IllegalArgumentException(
            "--build must be letters, digits and . _ : - (at most 128): " + build);
      }
      if (push.isPresent()) {
        client = new PushClient(connection.settings(push.get(), spec.commandLine(), env));
      }
    } catch (IllegalArgumentException | IOException | GeneralSecurityException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
    }
    BuildRecord record;
    try {
      record = recorder.get().record(build, buildKind, command);
    } catch (IOException e) {
      err.println("dx-exporter record: cannot run " + command.get(0) + ": " + e.getMessage());
      err.flush();
      return 127;
    }
    BuildRun r =
        new BuildRun(
            record.name(),
            record.kind().label(),
            record.started(),
            record.durationSeconds(),
            record.exitCode(),
            record.signal(),
            record.peakRssBytes(),
            record.cpuUserSeconds(),
            record.cpuSystemSeconds(),
            record.peakTreeSize());
    CiEnvironment ci = ciOverrides.resolve(env);
    Optional<String> b = ci.branch();
    Optional<String> c = ci.commit();
    Optional<String> id = ci.run();
    String key = "record-" + UUID.randomUUID();
    String kept = client != null ? pushed(client, r, b, c, id, key) : stored(r, b, c, id, key);
    err.printf(
        Locale.ROOT,
        "dx-exporter record: %s (%s) took %.2f s, exit %d%s, peak memory %.1f MiB, CPU %.2f s"
            + " user + %.2f s system; %s%n",
        r.name(),
        r.kind(),
        r.durationSeconds(),
        r.exitCode(),
        r.signal() > 0 ? " (signal " + r.signal() + ")" : "",
        r.peakRssBytes() / 1048576.0,
        r.cpuUserSeconds(),
        r.cpuSystemSeconds(),
        kept);
    err.flush();
    return record.exitCode();
  }

  private String pushed(
      PushClient client,
      BuildRun r,
      Optional<String> b,
      Optional<String> c,
      Optional<String> id,
      String key)
      throws InterruptedException {
    PushOutcome o = client.pushBuild(project, BuildRunJson.write(r, b, c, id), key);
    String what = o.result().name().toLowerCase(Locale.ROOT);
    return o.result().exitCode() == 0
        ? "pushed: " + what
        : "WARNING: not recorded, push " + what + " (HTTP " + o.status() + "): " + o.message();
  }

  private String stored(
      BuildRun r, Optional<String> b, Optional<String> c, Optional<String> id, String key)
      throws InterruptedException {
    ReportMeta meta =
        new ReportMeta(
            project,
            "builds",
            key,
            r.name(),
            "record",
            b.orElse(null),
            c.orElse(null),
            id.orElse(null),
            Instant.now());
    // A running daemon shares the file: a write of its (retention, a push) can hold the lock at
    // the moment this opens it. The same key makes a second attempt a duplicate, never a copy.
    long deadline = System.nanoTime() + OPEN_PATIENCE.toNanos();
    while (true) {
      try (Store store = SqliteStore.open(storagePath, StoreSettings.defaults())) {
        SaveOutcome o = store.saveBuild(meta, r);
        return (o == SaveOutcome.STORED ? "stored in " : "already in ") + storagePath;
      } catch (StoreUnavailableException e) {
        if (System.nanoTime() > deadline || !e.getMessage().contains("locked")) {
          return "WARNING: not recorded: " + e.getMessage();
        }
        Thread.sleep(200);
      }
    }
  }
}
