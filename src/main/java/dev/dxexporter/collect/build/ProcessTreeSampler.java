package dev.dxexporter.collect.build;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples a running process and all its descendants (through a {@link ProcessTable}) at a fixed
 * interval, on its own thread: the peak of the summed resident set size, and per process the last
 * seen user and kernel CPU time, so the CPU of children that exited between samples is kept as of
 * their last sample.
 *
 * <p>What it cannot see: a process that starts and exits between two samples, a spike of memory
 * shorter than the interval, the CPU a process uses after its last sample, and descendants that
 * were orphaned (re-parented to init) before a sample. Shared pages (libraries, copy-on-write pages
 * after fork) count once per process in the RSS sum. The caller adds the kernel's getrusage
 * figures, which cover the first and third gaps for waited-for children.
 */
final class ProcessTreeSampler implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ProcessTreeSampler.class);

  private record ProcessKey(int pid, long startTime) {}

  private record CpuMillis(long user, long kernel) {
    CpuMillis max(CpuMillis other) {
      return new CpuMillis(Math.max(user, other.user), Math.max(kernel, other.kernel));
    }
  }

  private final ProcessTable table;
  private final int rootPid;
  private final BooleanSupplier rootAlive;
  private final long intervalNanos;
  private final CountDownLatch stopRequested = new CountDownLatch(1);
  private final Thread thread;

  // Written by the sampling thread only; read after join(), which orders the reads after writes.
  private final Map<ProcessKey, CpuMillis> cpu = new HashMap<>();
  private long rootStartTime = -1;
  private long peakRssBytes;
  private int peakTreeSize;
  private int samples;
  private long samplerCpuNanos;

  /**
   * @param rootAlive whether the root is still this recorder's child: once it has been reaped its
   *     pid may belong to an unrelated process
   */
  ProcessTreeSampler(
      ProcessTable table, long rootPid, BooleanSupplier rootAlive, Duration interval) {
    if (interval.isNegative() || interval.isZero()) {
      throw new IllegalArgumentException("sample interval must be positive: " + interval);
    }
    this.table = table;
    this.rootPid = Math.toIntExact(rootPid);
    this.rootAlive = rootAlive;
    this.intervalNanos = interval.toNanos();
    this.thread = new Thread(this::run, "dx-record-sampler-" + rootPid);
    this.thread.setDaemon(true);
  }

  ProcessTreeSampler start() {
    thread.start();
    return this;
  }

  /**
   * Stops sampling (after the sample in progress) and returns what was seen; should sampling have
   * failed, what was seen until then (logged as a warning).
   */
  TreeUsage stop() throws InterruptedException {
    stopRequested.countDown();
    thread.join();
    long user = 0;
    long kernel = 0;
    for (CpuMillis times : cpu.values()) {
      user += times.user();
      kernel += times.kernel();
    }
    return new TreeUsage(
        peakRssBytes, peakTreeSize, cpu.size(), samples, user, kernel, samplerCpuNanos / 1e9);
  }

  @Override
  public void close() {
    stopRequested.countDown();
  }

  private void run() {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    boolean cpuTimed = threads.isCurrentThreadCpuTimeSupported();
    try {
      do {
        sample();
        if (cpuTimed) {
          samplerCpuNanos = threads.getCurrentThreadCpuTime();
        }
      } while (!stopRequested.await(intervalNanos, TimeUnit.NANOSECONDS));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      // A sampling bug must not cost the build's record: keep what was seen so far, and say so.
      log.warn("sampling the process tree of {} stopped: {}", rootPid, e.toString());
    }
  }

  /** One sample of the tree; does nothing once the root has exited. */
  void sample() {
    if (!rootAlive.getAsBoolean()) {
      return;
    }
    List<ProcessTable.Snapshot> tree = table.tree(rootPid);
    if (tree.isEmpty()) {
      return;
    }
    long rootStart = tree.get(0).startTime();
    if (rootStartTime < 0) {
      rootStartTime = rootStart;
    } else if (rootStart != rootStartTime) {
      return; // the pid now names another process
    }
    long rss = 0;
    for (ProcessTable.Snapshot process : tree) {
      rss += process.rssBytes();
      cpu.merge(
          new ProcessKey(process.pid(), process.startTime()),
          new CpuMillis(process.userMillis(), process.kernelMillis()),
          CpuMillis::max);
    }
    samples++;
    peakRssBytes = Math.max(peakRssBytes, rss);
    peakTreeSize = Math.max(peakTreeSize, tree.size());
  }
}
