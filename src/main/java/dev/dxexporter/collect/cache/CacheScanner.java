package dev.dxexporter.collect.cache;

import com.sun.jna.Memory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Measures a directory tree like GNU du, in parallel: directories are read by a work-stealing pool,
 * metadata comes from {@code statx} on raw name bytes (see {@link LibC}). One scanner is shared by
 * all cache collectors and may be called from several threads at once; each call is independent.
 *
 * <p>The configured root itself may be a symlink (say {@code target -> /ssd/target}) and is
 * followed, like {@code du -H}; nothing inside the tree is followed.
 */
public final class CacheScanner implements AutoCloseable {
  public static final int DEFAULT_PARALLELISM = 4;

  /**
   * Tasks check for cancellation before each directory and each batch of entries: this is ample.
   */
  private static final Duration WIND_DOWN = Duration.ofSeconds(2);

  private final ForkJoinPool pool;
  private final OpenFlags openFlags;
  private final ThreadLocal<WorkerBuffers> buffers = ThreadLocal.withInitial(WorkerBuffers::new);

  public CacheScanner() {
    this(DEFAULT_PARALLELISM);
  }

  /**
   * @throws UnsupportedOperationException when this platform is not supported (see {@link
   *     #unsupportedReason()})
   */
  public CacheScanner(int parallelism) {
    if (parallelism < 1) {
      throw new IllegalArgumentException("parallelism must be at least 1: " + parallelism);
    }
    unsupportedReason()
        .ifPresent(
            reason -> {
              throw new UnsupportedOperationException(reason);
            });
    this.openFlags = OpenFlags.forThisMachine();
    this.pool = new ForkJoinPool(parallelism, CacheScanner::newWorker, null, false);
  }

  /**
   * Why scanning cannot work on this machine, or empty when it can (Linux x86_64/aarch64, glibc).
   */
  public static Optional<String> unsupportedReason() {
    if (LibC.UNAVAILABLE_REASON != null) {
      return Optional.of(LibC.UNAVAILABLE_REASON);
    }
    if (OpenFlags.forThisMachine() == null) {
      return Optional.of(
          "the cache scanner knows the open(2) flags of Linux x86_64 and aarch64 only, not "
              + System.getProperty("os.arch"));
    }
    return Optional.empty();
  }

  private static ForkJoinWorkerThread newWorker(ForkJoinPool pool) {
    ForkJoinWorkerThread thread = ForkJoinPool.defaultForkJoinWorkerThreadFactory.newThread(pool);
    thread.setName("cache-scan-" + thread.getPoolIndex());
    return thread;
  }

  /**
   * Scans {@code root}. Unreadable or vanishing entries inside the tree are counted in the result,
   * not thrown. When the scan is cancelled (time limit, interrupt), its tasks have normally stopped
   * and closed their descriptors by the time the exception is thrown.
   *
   * @param staleBefore files last modified before this instant count as stale
   * @param timeLimit the scan is abandoned after this long
   * @return the result; {@link CacheScan#rootExists()} is false when {@code root} does not exist
   * @throws IOException when the root exists but its metadata cannot be read, or it is a directory
   *     that cannot be opened
   * @throws TimeoutException when the time limit passed; the message names the path, the limit and
   *     how far the scan got
   * @throws InterruptedException when the calling thread was interrupted; the scan is cancelled
   */
  public CacheScan scan(Path root, Instant staleBefore, Duration timeLimit)
      throws IOException, InterruptedException, TimeoutException {
    return scan(root, staleBefore, timeLimit, false);
  }

  /**
   * As {@link #scan(Path, Instant, Duration)}; with {@code oneFilesystem}, like {@code du -x}:
   * entries on another device than the root's (mount points, btrfs subvolumes below it) are neither
   * counted nor descended into.
   */
  public CacheScan scan(Path root, Instant staleBefore, Duration timeLimit, boolean oneFilesystem)
      throws IOException, InterruptedException, TimeoutException {
    Objects.requireNonNull(staleBefore, "staleBefore");
    long startNanos = System.nanoTime();
    Memory rootPath = nulTerminated(pathBytes(root));
    Memory statx = new Memory(Statx.BUFFER_SIZE);
    if (LibC.statx(LibC.AT_FDCWD, rootPath, 0, Statx.MASK, statx) != 0) {
      int errno = LibC.errno();
      if (errno == LibC.ENOENT || errno == LibC.ENOTDIR) {
        return CacheScan.missing(root, Duration.ofNanos(System.nanoTime() - startNanos));
      }
      throw new IOException("cannot read " + root + ": " + LibC.strerror(errno));
    }
    ByteBuffer rootStatx = statx.getByteBuffer(0, Statx.BUFFER_SIZE).order(ByteOrder.nativeOrder());
    ScanState scan =
        new ScanState(
            root,
            staleBefore,
            buffers,
            openFlags,
            oneFilesystem ? Statx.device(rootStatx) : ScanState.ANY_DEVICE);
    Tally rootTally = new Tally();
    boolean directory = rootTally.add(rootStatx, scan);
    scan.add(rootTally);
    if (!directory) {
      return scan.result();
    }
    int fd = LibC.openat(LibC.AT_FDCWD, rootPath, openFlags.directoryFollow());
    if (fd < 0) {
      int errno = LibC.errno();
      if (errno == LibC.ENOENT || errno == LibC.ENOTDIR) {
        // Removed (cargo clean) between statx and open.
        return CacheScan.missing(root, Duration.ofNanos(System.nanoTime() - startNanos));
      }
      // Not "a tiny cache": out of descriptors (EMFILE) or permission denied, the size is unknown.
      // A failed run keeps the last good figures; a success of 4 KiB would be a wrong number.
      throw new IOException(
          "cannot open the cache directory " + root + ": " + LibC.strerror(errno));
    }
    scan.taskCreated();
    try {
      pool.execute(new DirectoryTask(DirNode.root(pathBytes(root), fd), scan));
    } catch (RejectedExecutionException e) {
      LibC.close(fd);
      throw new IllegalStateException("the cache scanner is closed", e);
    }
    try {
      scan.finished().get(nanos(timeLimit), TimeUnit.NANOSECONDS);
    } catch (InterruptedException e) {
      scan.cancel();
      awaitWindDown(scan);
      throw e;
    } catch (TimeoutException e) {
      scan.cancel();
      if (awaitWindDown(scan)) {
        Thread.currentThread().interrupt();
      }
      throw new TimeoutException(
          "scan of "
              + root
              + " exceeded its time limit of "
              + timeLimit
              + ": stopped after "
              + scan.progress());
    } catch (ExecutionException e) {
      throw new IllegalStateException("scan tasks never complete exceptionally", e);
    }
    return scan.result();
  }

  /**
   * Waits, at most {@link #WIND_DOWN}, for a cancelled scan's tasks to notice and close their
   * descriptors, so nothing of the scan is left running when {@code scan} throws.
   *
   * @return whether the thread was interrupted while waiting
   */
  private static boolean awaitWindDown(ScanState scan) {
    long deadline = System.nanoTime() + WIND_DOWN.toNanos();
    boolean interrupted = false;
    for (long left = WIND_DOWN.toNanos(); left > 0; left = deadline - System.nanoTime()) {
      try {
        scan.finished().get(left, TimeUnit.NANOSECONDS);
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      } catch (TimeoutException | ExecutionException e) {
        break;
      }
    }
    return interrupted;
  }

  /** Stops the worker threads. Scans still running when it is called end at their time limit. */
  @Override
  public void close() {
    pool.shutdownNow();
  }

  /**
   * Saturates instead of overflowing for absurdly long limits (Duration.toNanos overflows at 292
   * years).
   */
  private static long nanos(Duration limit) {
    return limit.compareTo(Duration.ofDays(365 * 100)) > 0
        ? Long.MAX_VALUE
        : Math.max(0, limit.toNanos());
  }

  /**
   * The root path's bytes as the JVM itself would pass them to the kernel (sun.jnu.encoding). Under
   * LANG=C that charset cannot encode non-ASCII, and then UTF-8, the de-facto file name encoding,
   * is used.
   */
  static byte[] pathBytes(Path path) {
    String text = path.toString();
    Charset jnu = jnuCharset();
    Charset charset = jnu.newEncoder().canEncode(text) ? jnu : StandardCharsets.UTF_8;
    ByteBuffer encoded = charset.encode(text);
    byte[] bytes = new byte[encoded.remaining()];
    encoded.get(bytes);
    return bytes;
  }

  private static Charset jnuCharset() {
    try {
      return Charset.forName(System.getProperty("sun.jnu.encoding", "UTF-8"));
    } catch (IllegalArgumentException e) {
      return StandardCharsets.UTF_8;
    }
  }

  private static Memory nulTerminated(byte[] bytes) {
    Memory memory = new Memory(bytes.length + 1L);
    memory.write(0, bytes, 0, bytes.length);
    memory.setByte(bytes.length, (byte) 0);
    return memory;
  }
}
