package dev.dxexporter.collect.cache;

import dev.dxexporter.metrics.MetricFamily;
import java.util.List;

/**
 * The metric families of the cache collector. Every sample carries the labels cache and scope, and
 * a project-scope cache's also project.
 */
public final class CacheMetrics {
  private static final String REFRESHED = " Refreshed on the collector's schedule.";

  public static final MetricFamily SIZE_BYTES =
      MetricFamily.gauge(
          "dx_cache_size_bytes",
          "Disk space the build cache uses, like du -s: allocated blocks, hard links counted once."
              + REFRESHED);
  public static final MetricFamily APPARENT_SIZE_BYTES =
      MetricFamily.gauge(
          "dx_cache_apparent_size_bytes",
          "Apparent size of the build cache, like du -sb: sum of file sizes, hard links counted once."
              + REFRESHED);
  public static final MetricFamily FILES =
      MetricFamily.gauge(
          "dx_cache_files",
          "Non-directory entries (files, symlinks) in the build cache." + REFRESHED);
  public static final MetricFamily DIRECTORIES =
      MetricFamily.gauge(
          "dx_cache_directories", "Directories in the build cache, its root included." + REFRESHED);
  public static final MetricFamily STALE_BYTES =
      MetricFamily.gauge(
          "dx_cache_stale_bytes",
          "Disk space of files in the build cache not modified for the configured stale_after."
              + REFRESHED);
  public static final MetricFamily NEWEST_FILE_TIMESTAMP_SECONDS =
      MetricFamily.gauge(
          "dx_cache_newest_file_timestamp_seconds",
          "Modification time of the newest file in the build cache (absent when it has no file)."
              + REFRESHED);
  public static final MetricFamily SCAN_ERRORS =
      MetricFamily.gauge(
          "dx_cache_scan_errors",
          "Entries of the build cache that could not be read in the last scan." + REFRESHED);
  public static final MetricFamily SCAN_COMPLETE =
      MetricFamily.gauge(
          "dx_cache_scan_complete",
          "1 when the last scan read every entry of the build cache; 0 when some could not be read"
              + " (dx_cache_scan_errors): the sizes and counts are then lower bounds."
              + REFRESHED);
  public static final MetricFamily PRESENT =
      MetricFamily.gauge(
          "dx_cache_present", "1 when the build cache directory exists, else 0." + REFRESHED);
  public static final MetricFamily FILESYSTEM_AVAIL_BYTES =
      MetricFamily.gauge(
          "dx_filesystem_avail_bytes",
          "Bytes available to unprivileged users on the volume holding the build cache."
              + REFRESHED);
  public static final MetricFamily FILESYSTEM_SIZE_BYTES =
      MetricFamily.gauge(
          "dx_filesystem_size_bytes", "Size of the volume holding the build cache." + REFRESHED);

  public static final List<MetricFamily> ALL =
      List.of(
          SIZE_BYTES,
          APPARENT_SIZE_BYTES,
          FILES,
          DIRECTORIES,
          STALE_BYTES,
          NEWEST_FILE_TIMESTAMP_SECONDS,
          SCAN_ERRORS,
          SCAN_COMPLETE,
          PRESENT,
          FILESYSTEM_AVAIL_BYTES,
          FILESYSTEM_SIZE_BYTES);

  private CacheMetrics() {}
}
