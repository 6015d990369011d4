package dev.dxexporter.collect.github;

/**
 * Bounds on one artifact zip, checked while it streams (never by trusting its headers).
 *
 * @param maxCompressedBytes the download itself
 * @param maxTotalBytes all entries together, uncompressed
 * @param maxEntries entries (directories included)
 * @param maxEntryBytes one entry, uncompressed
 * @param maxRatio uncompressed bytes per compressed byte, per entry and overall, once past {@link
 *     #RATIO_FLOOR}: deflate reaches about 1,000 on a zip bomb, while real test reports stay well
 *     below 100
 */
public record ZipLimits(
    long maxCompressedBytes, long maxTotalBytes, int maxEntries, long maxEntryBytes, int maxRatio) {
  /**
   * Small entries (a few KB of repetitive XML) may compress very well; ratios start to count here.
   */
  public static final long RATIO_FLOOR = 1024 * 1024;

  public ZipLimits {
    if (maxCompressedBytes <= 0 || maxTotalBytes <= 0 || maxEntries <= 0 || maxEntryBytes <= 0) {
      throw new IllegalArgumentException("zip limits must be positive");
    }
    if (maxRatio < 1) {
      throw new IllegalArgumentException("maxRatio must be at least 1: " + maxRatio);
    }
  }

  public static ZipLimits defaults() {
    return new ZipLimits(64L << 20, 256L << 20, 10_000, 64L << 20, 200);
  }
}
