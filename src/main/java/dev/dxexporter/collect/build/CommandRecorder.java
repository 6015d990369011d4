package dev.dxexporter.collect.build;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import oshi.SystemInfo;

/**
 * Runs one build command and measures it: the engine of {@code dx-exporter record --project P
 * --build NAME --kind clean|incremental -- COMMAND...}.
 *
 * <p>The command inherits the recorder's standard input, output and error, so its output passes
 * through byte for byte, unbuffered. SIGINT and SIGTERM sent to the recorder are forwarded to it
 * (when enabled, see {@link SignalForwarder}). {@link #record} returns once it has exited. The
 * process tree is sampled on a thread of its own ({@link ProcessTreeSampler}), from {@code /proc}
 * where Linux lists children there, else through OSHI.
 *
 * <p>What each figure of the {@link BuildRecord} means, and its error:
 *
 * <ul>
 *   <li><b>duration</b>: monotonic wall time from just before the process is spawned to its exit
 *       being seen; includes the fork/exec (about a millisecond).
 *   <li><b>exit code</b>: the JDK reports a death by signal n as 128 + n, exactly as a shell does.
 *       {@code signal} is read back from that convention, so a command that itself calls {@code
 *       exit(137)} is reported as killed by signal 9, the same ambiguity as a shell's {@code $?}.
 *   <li><b>CPU time</b>, user and system: the larger of (a) the kernel's {@code
 *       getrusage(RUSAGE_CHILDREN)} difference across the run (exact, in microseconds, for every
 *       descendant that was waited for, however short-lived; but it also counts any other child
 *       this JVM reaped meanwhile, so run one recording at a time per JVM), and (b) the sum over
 *       every sampled process of its last sampled CPU time (a lower bound: misses what a process
 *       used after its last sample, and processes that lived less than one interval; it does see
 *       orphaned daemons while they were still in the tree). Without libc (not 64-bit Linux), (b)
 *       alone.
 *   <li><b>peak RSS</b>: the larger of (a) the highest sum of resident set sizes over the tree in
 *       one sample, every {@code sampleInterval}, and (b) the kernel's peak RSS of the single
 *       largest waited-for descendant ({@code ru_maxrss}), when that rose during the run. Too low
 *       by a peak shorter than the interval that several processes reach at once (one process's
 *       short peak is caught by (b)); too high by the pages processes share (libraries,
 *       copy-on-write after fork), which count once per process. For a single process it agreed
 *       with {@code /usr/bin/time -v} within 0.1 %; for a tree GNU time reports the largest single
 *       process, this the sum ({@code bench/build-recorder.sh}).
 *   <li><b>tree size</b>: the most processes alive in one sample, and how many distinct ones were
 *       seen; processes shorter than the interval may be missed.
 * </ul>
 */
public final class CommandRecorder {
  /**
   * 100 ms. Sampling a tree of 50 processes takes about 2 ms through /proc (9 ms through OSHI):
   * about 2 % of one core for the sampling thread, 6 % for the whole recorder JVM ({@code
   * bench/build-recorder.sh}); single-process peaks shorter than this are still caught by
   * getrusage.
   */
  public static final Duration DEFAULT_SAMPLE_INTERVAL = Duration.ofMillis(100);

  private static final Duration STOP_GRACE = Duration.ofSeconds(10);

  private final ProcessTable processes;
  private final Duration sampleInterval;
  private final boolean forwardSignals;
  private final Clock clock;

  /** Samples every 100 ms and forwards SIGINT/SIGTERM: the command-line recorder. */
  public CommandRecorder() {
    this(DEFAULT_SAMPLE_INTERVAL, true);
  }

  /**
   * @param forwardSignals whether to take over SIGINT and SIGTERM while the command runs; only for
   *     a JVM that records one command at a time (the command line), never inside the daemon
   */
  public CommandRecorder(Duration sampleInterval, boolean forwardSignals) {
    this(
        ProcessTable.forThisSystem(() -> new SystemInfo().getOperatingSystem()),
        sampleInterval,
        forwardSignals,
        Clock.systemUTC());
  }

  CommandRecorder(
      ProcessTable processes, Duration sampleInterval, boolean forwardSignals, Clock clock) {
    if (sampleInterval.isNegative() || sampleInterval.isZero()) {
      throw new IllegalArgumentException("sample interval must be positive: " + sampleInterval);
    }
    this.processes = processes;
    this.sampleInterval = sampleInterval;
    this.forwardSignals = forwardSignals;
    this.clock = clock;
  }

  /**
   * Runs {@code command} (program and arguments, no shell) to its end.
   *
   * @throws IOException when the program cannot be started (not found, not executable): a shell
   *     would exit with 127 or 126
   * @throws InterruptedException when the calling thread is interrupted: the command is then sent
   *     SIGTERM, and SIGKILL after 10 s, before this returns
   */
  public BuildRecord record(String name, BuildKind kind, List<String> command)
      throws IOException, InterruptedException {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("no command to record");
    }
    ChildrenUsage before = ChildrenUsage.now();
    Instant started = clock.instant();
    long startNanos = System.nanoTime();
    SignalForwarder signals = forwardSignals ? SignalForwarder.install() : SignalForwarder.none();
    Process process;
    try {
      process = new ProcessBuilder(command).inheritIO().start();
    } catch (IOException | RuntimeException e) {
      signals.close();
      throw e;
    }
    signals.attach(process);
    int exitCode;
    TreeUsage tree;
    try (signals;
        ProcessTreeSampler sampler =
            new ProcessTreeSampler(processes, process.pid(), process::isAlive, sampleInterval)
                .start()) {
      exitCode = waitFor(process);
      tree = sampler.stop();
    }
    long durationNanos = System.nanoTime() - startNanos;
    ChildrenUsage after = ChildrenUsage.now();

    double user = tree.userMillis() / 1e3;
    double system = tree.kernelMillis() / 1e3;
    long peakRss = tree.peakRssBytes();
    boolean kernelAccounted = before != null && after != null;
    if (kernelAccounted) {
      user = Math.max(user, (after.userMicros() - before.userMicros()) / 1e6);
      system = Math.max(system, (after.systemMicros() - before.systemMicros()) / 1e6);
      if (after.maxRssKilobytes() > before.maxRssKilobytes()) {
        peakRss = Math.max(peakRss, after.maxRssKilobytes() * 1024);
      }
    }
    return new BuildRecord(
        name,
        kind,
        command,
        started,
        durationNanos / 1e9,
        exitCode,
        signalOf(exitCode),
        peakRss,
        user,
        system,
        tree.peakTreeSize(),
        tree.processesSeen(),
        tree.samples(),
        kernelAccounted);
  }

  /** The signal a shell-style exit status names (129..192 → 1..64), or 0. */
  static int signalOf(int exitCode) {
    return exitCode > 128 && exitCode <= 128 + 64 ? exitCode - 128 : 0;
  }

  private static int waitFor(Process process) throws InterruptedException {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      process.destroy();
      if (!process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        process.waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
      }
      throw e;
    }
  }
}
