package dev.dxexporter.ingest.push;

/**
 * Bounds of an unpacked push: entries, bytes of all entries together, and the ratio of unpacked to
 * received bytes (a zip or gzip bomb is refused as too large, before it fills the disk).
 */
public record ArchiveLimits(int maxEntries, long maxUnpackedBytes, long maxRatio) {
  public static final ArchiveLimits DEFAULT = new ArchiveLimits(10_000, 2L << 30, 200);
}
