package dev.dxexporter.collect.cache;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAccumulator;
import java.util.concurrent.atomic.LongAdder;

/** The shared, thread-safe state of one scan: running totals, hard-link set, errors, completion. */
final class ScanState {
  static final int MAX_ERROR_SAMPLES = 5;

  /** The device of {@link #ScanState} that lets the scan cross into every file system. */
  static final long ANY_DEVICE = Long.MIN_VALUE;

  private final Path root;
  private final long staleBeforeNanos;
  private final ThreadLocal<WorkerBuffers> buffers;
  private final OpenFlags openFlags;
  private final long onlyDevice;
  private final long startNanos = System.nanoTime();

  private final LongAdder allocatedBytes = new LongAdder();
  private final LongAdder apparentBytes = new LongAdder();
  private final LongAdder files = new LongAdder();
  private final LongAdder directories = new LongAdder();
  private final LongAdder staleBytes = new LongAdder();
  private final LongAdder vanished = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAccumulator newestMtimeNanos = new LongAccumulator(Math::max, Long.MIN_VALUE);
  private final Set<InodeKey> multiplyLinked = ConcurrentHashMap.newKeySet();
  private final Set<InodeKey> directoriesSeen = ConcurrentHashMap.newKeySet();
  private final List<String> errorSamples = new ArrayList<>();

  private final AtomicLong unfinishedTasks = new AtomicLong();
  private final CompletableFuture<Void> finished = new CompletableFuture<>();
  private volatile boolean cancelled;

  /**
   * @param onlyDevice the device (as {@link Statx#device} encodes it) the scan stays on, or {@link
   *     #ANY_DEVICE}
   */
  ScanState(
      Path root,
      Instant staleBefore,
      ThreadLocal<WorkerBuffers> buffers,
      OpenFlags openFlags,
      long onlyDevice) {
    this.root = root;
    this.onlyDevice = onlyDevice;
    this.staleBeforeNanos = Tally.epochNanos(staleBefore.getEpochSecond(), staleBefore.getNano());
    this.buffers = buffers;
    this.openFlags = openFlags;
  }

  long staleBeforeNanos() {
    return staleBeforeNanos;
  }

  WorkerBuffers buffers() {
    return buffers.get();
  }

  OpenFlags openFlags() {
    return openFlags;
  }

  /** Whether an entry on {@code device} is outside the one file system the scan is held to. */
  boolean onAnotherFilesystem(long device) {
    return onlyDevice != ANY_DEVICE && device != onlyDevice;
  }

  boolean firstSight(long device, long inode) {
    return multiplyLinked.add(new InodeKey(device, inode));
  }

  /**
   * Whether this directory is seen for the first time: a bind mount of the cache inside itself (or
   * a loop of bind mounts) presents the same directory twice, and du counts it once.
   */
  boolean firstDirectory(long device, long inode) {
    return directoriesSeen.add(new InodeKey(device, inode));
  }

  void add(Tally t) {
    allocatedBytes.add(t.allocatedBytes);
    apparentBytes.add(t.apparentBytes);
    files.add(t.files);
    directories.add(t.directories);
    staleBytes.add(t.staleBytes);
    vanished.add(t.vanished);
    newestMtimeNanos.accumulate(t.newestMtimeNanos);
  }

  void error(String path, int errno) {
    error(path + ": " + LibC.strerror(errno));
  }

  void error(String message) {
    errors.increment();
    synchronized (errorSamples) {
      if (errorSamples.size() < MAX_ERROR_SAMPLES) {
        errorSamples.add(message);
      }
    }
  }

  void taskCreated() {
    unfinishedTasks.incrementAndGet();
  }

  void taskFinished() {
    if (unfinishedTasks.decrementAndGet() == 0) {
      finished.complete(null);
    }
  }

  CompletableFuture<Void> finished() {
    return finished;
  }

  boolean isCancelled() {
    return cancelled;
  }

  void cancel() {
    cancelled = true;
  }

  String progress() {
    return String.format(
        "%d directories, %d files, %d bytes so far",
        directories.sum(), files.sum(), allocatedBytes.sum());
  }

  CacheScan result() {
    long newest = newestMtimeNanos.get();
    Optional<Instant> newestFile =
        newest == Long.MIN_VALUE
            ? Optional.empty()
            : Optional.of(
                Instant.ofEpochSecond(
                    Math.floorDiv(newest, 1_000_000_000L), Math.floorMod(newest, 1_000_000_000L)));
    List<String> samples;
    synchronized (errorSamples) {
      samples = List.copyOf(errorSamples);
    }
    return new CacheScan(
        root,
        true,
        allocatedBytes.sum(),
        apparentBytes.sum(),
        files.sum(),
        directories.sum(),
        staleBytes.sum(),
        newestFile,
        errors.sum(),
        samples,
        vanished.sum(),
        Duration.ofNanos(System.nanoTime() - startNanos));
  }
}
