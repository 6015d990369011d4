package dev.dxexporter.ingest.push;

/**
 * Bounds of one push: the bytes received (413 beyond), and what an archive or a gzip-encoded body
 * may unpack to.
 */
public record PushLimits(long maxRequestBytes, ArchiveLimits archive) {
  public static final long DEFAULT_MAX_REQUEST_BYTES = 64L << 20;
}
