package dev.dxexporter.collect.cache;

import dev.dxexporter.collect.Collector;
import dev.dxexporter.metrics.MetricFamily;
import dev.dxexporter.metrics.Sample;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One configured build cache (a project's {@code target/}, {@code ~/.m2/repository}, ...): scans it
 * and turns the result into samples labelled {@code project}, {@code cache} and {@code scope} (a
 * user cache: {@code cache} and {@code scope} only).
 *
 * <p>A missing directory is a normal state (before the first build, after {@code cargo clean}):
 * {@code dx_cache_present} 0 and zero sizes, not a failure. Entries that cannot be read are skipped
 * and counted ({@code dx_cache_scan_errors}, {@code dx_cache_scan_complete} 0): the run succeeds
 * with sizes that are lower bounds. A scan over its time limit throws, so the daemon keeps the last
 * good samples.
 */
public final class CacheCollector implements Collector {
  private static final Logger LOG = LoggerFactory.getLogger(CacheCollector.class);

  private final String project;
  private final String cacheName;
  private final Path path;
  private final Duration staleAfter;
  private final Duration timeLimit;
  private final boolean oneFilesystem;
  private final CacheScope scope;
  private final Supplier<CacheScanner> scanner;
  private final Supplier<FilesystemUsage> filesystems;
  private final Clock clock;

  public CacheCollector(
      String project,
      String cacheName,
      Path path,
      Duration staleAfter,
      Duration timeLimit,
      CacheScanner scanner,
      FilesystemUsage filesystems,
      Clock clock) {
    this(
        project,
        cacheName,
        path,
        staleAfter,
        timeLimit,
        false,
        CacheScope.PROJECT,
        supplier(scanner, "scanner"),
        supplier(filesystems, "filesystems"),
        clock);
  }

  /**
   * With the shared scanner and file-system lookup supplied on first use, so that planning a
   * collector (at start-up, on every reload, for {@code config check}) creates no threads; with
   * {@code oneFilesystem}, the scan stays on the root's file system ({@code du -x}); a {@code USER}
   * scope cache's samples carry no {@code project} label (see {@link CacheScope}).
   */
  public CacheCollector(
      String project,
      String cacheName,
      Path path,
      Duration staleAfter,
      Duration timeLimit,
      boolean oneFilesystem,
      CacheScope scope,
      Supplier<CacheScanner> scanner,
      Supplier<FilesystemUsage> filesystems,
      Clock clock) {
    this.project = Objects.requireNonNull(project, "project");
    this.cacheName = Objects.requireNonNull(cacheName, "cacheName");
    this.path = Objects.requireNonNull(path, "path");
    this.staleAfter = Objects.requireNonNull(staleAfter, "staleAfter");
    this.timeLimit = Objects.requireNonNull(timeLimit, "timeLimit");
    this.oneFilesystem = oneFilesystem;
    this.scope = Objects.requireNonNull(scope, "scope");
    this.scanner = Objects.requireNonNull(scanner, "scanner");
    this.filesystems = Objects.requireNonNull(filesystems, "filesystems");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public List<Sample> collect() throws IOException, InterruptedException, TimeoutException {
    CacheScan scan;
    try {
      scan = scanner.get().scan(path, clock.instant().minus(staleAfter), timeLimit, oneFilesystem);
    } catch (TimeoutException e) {
      throw new TimeoutException(
          "cache " + cacheName + " of project " + project + ": " + e.getMessage());
    }
    if (scan.errors() > 0) {
      LOG.warn(
          "cache {} of project {}: {} entries could not be read, so its size is a lower bound,"
              + " e.g. {}",
          cacheName,
          project,
          scan.errors(),
          scan.errorSamples());
    }
    List<Sample> samples = new ArrayList<>();
    add(samples, CacheMetrics.PRESENT, scan.rootExists() ? 1 : 0);
    add(samples, CacheMetrics.SIZE_BYTES, scan.allocatedBytes());
    add(samples, CacheMetrics.APPARENT_SIZE_BYTES, scan.apparentBytes());
    add(samples, CacheMetrics.FILES, scan.files());
    add(samples, CacheMetrics.DIRECTORIES, scan.directories());
    add(samples, CacheMetrics.STALE_BYTES, scan.staleBytes());
    add(samples, CacheMetrics.SCAN_ERRORS, scan.errors());
    // A scan that skipped what it could not read still succeeds (the rest is true), but its size
    // is then only a lower bound: as uid 65534 a 1 GB file in a 0700 directory counted 12 KiB.
    add(samples, CacheMetrics.SCAN_COMPLETE, scan.errors() == 0 ? 1 : 0);
    scan.newestFileModified()
        .ifPresent(t -> add(samples, CacheMetrics.NEWEST_FILE_TIMESTAMP_SECONDS, seconds(t)));
    volume()
        .ifPresent(
            v -> {
              add(samples, CacheMetrics.FILESYSTEM_SIZE_BYTES, v.sizeBytes());
              add(samples, CacheMetrics.FILESYSTEM_AVAIL_BYTES, v.availBytes());
            });
    return List.copyOf(samples);
  }

  /** Volume figures are extra: failing to read them must not cost the cache's own figures. */
  private Optional<Volume> volume() {
    try {
      return filesystems.get().volumeOf(path);
    } catch (IOException | RuntimeException e) {
      LOG.warn(
          "cache {} of project {}: cannot read the volume of {}: {}",
          cacheName,
          project,
          path,
          e.toString());
      return Optional.empty();
    }
  }

  private void add(List<Sample> samples, MetricFamily family, double value) {
    samples.add(
        scope == CacheScope.USER
            ? Sample.of(family, value, "cache", cacheName, "scope", scope.label())
            : Sample.of(
                family, value, "project", project, "cache", cacheName, "scope", scope.label()));
  }

  private static double seconds(Instant instant) {
    return instant.getEpochSecond() + instant.getNano() / 1e9;
  }

  private static <T> Supplier<T> supplier(T value, String name) {
    Objects.requireNonNull(value, name);
    return () -> value;
  }
}
